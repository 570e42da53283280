// Android library (AAR) of skillplan: recipe in bindings-mobile/README.md ("Android AAR").
// NOT BUILT IN THIS PROJECT'S CI: there is no Android SDK or NDK on its machines.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "skillplan-android"
