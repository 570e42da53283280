// The AAR: the uniffi-generated Kotlin and the hand-written extensions (the same sources the JVM
// jar compiles), JNA's Android AAR, and the native libraries per ABI under src/main/jniLibs
// (written by scripts/build-android.sh with cargo-ndk).
// NOT BUILT IN THIS PROJECT'S CI: there is no Android SDK or NDK on its machines.
plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.4.21"
}

android {
    namespace = "org.skillplan"
    compileSdk = 35
    defaultConfig {
        // 26: the Kotlin API uses java.time.LocalDate (older needs core library desugaring in the app).
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
    }
    sourceSets["main"].apply {
        kotlin.srcDirs("../generated/kotlin", "../kotlin/src/main/kotlin")
        jniLibs.srcDirs("src/main/jniLibs")
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    // JNA's Android build carries its own libjnidispatch.so per ABI.
    implementation("net.java.dev.jna:jna:5.19.1@aar")
}
