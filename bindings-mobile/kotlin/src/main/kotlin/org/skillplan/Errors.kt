package org.skillplan

/** The stable error code of any skillplan exception, e.g. "PLAN_INVALID" or "UNKNOWN_REGION". */
val SkillplanException.code: String
    get() = when (this) {
        is SkillplanException.Plan -> this.code
        is SkillplanException.NotFound -> this.code
        is SkillplanException.InvalidInput -> this.code
        is SkillplanException.Internal -> this.code
    }

/** Where the problem is: a path into the plan file, or the argument name of a query. */
val SkillplanException.path: String
    get() = when (this) {
        is SkillplanException.Plan -> this.path
        is SkillplanException.NotFound -> this.path
        is SkillplanException.InvalidInput -> this.path
        is SkillplanException.Internal -> this.path
    }

/** The class of error it is (the core's ErrorClass): which subclass of SkillplanException. */
val SkillplanException.errorClass: ErrorClass
    get() = when (this) {
        is SkillplanException.Plan -> ErrorClass.PLAN
        is SkillplanException.NotFound -> ErrorClass.NOT_FOUND
        is SkillplanException.InvalidInput -> ErrorClass.INVALID_INPUT
        is SkillplanException.Internal -> ErrorClass.INTERNAL
    }
