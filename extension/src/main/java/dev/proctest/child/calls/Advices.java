package dev.proctest.child.calls;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** The code woven into the methods and constructors of mocked and spied types. */
final class Advices {

    private Advices() {}

    /** Instance methods: a mock's answer instead of the body; every call recorded. */
    static final class Instance {

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static CallHooks.Answer enter(@Advice.This Object self, @Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                @Advice.Origin("#d") String descriptor, @Advice.Origin("#r") String returnType, @Advice.AllArguments Object[] arguments) {
            return CallHooks.enter(self, type, method, descriptor, returnType, arguments);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                @Advice.Origin("#d") String descriptor, @Advice.Origin("#r") String returnType, @Advice.AllArguments Object[] arguments,
                @Advice.Enter CallHooks.Answer answer,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                @Advice.Thrown Throwable thrown) {
            if (answer != null) {
                result = answer.value();
            }
            CallHooks.exit(self, type, method, descriptor, arguments, returnType, result, thrown);
        }
    }

    /** Static methods: an answer instead of the body when they are mocked; every call recorded. */
    static final class Static {

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static CallHooks.Answer enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                @Advice.Origin("#d") String descriptor, @Advice.Origin("#r") String returnType, @Advice.AllArguments Object[] arguments) {
            return CallHooks.enter(null, type, method, descriptor, returnType, arguments);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method, @Advice.Origin("#d") String descriptor,
                @Advice.Origin("#r") String returnType, @Advice.AllArguments Object[] arguments, @Advice.Enter CallHooks.Answer answer,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result, @Advice.Thrown Throwable thrown) {
            if (answer != null) {
                result = answer.value();
            }
            CallHooks.exit(null, type, method, descriptor, arguments, returnType, result, thrown);
        }
    }

    /** Constructors: the construction recorded with its arguments and instance. */
    static final class Constructor {

        @Advice.OnMethodExit
        static void exit(@Advice.This Object self, @Advice.Origin("#t") String type, @Advice.Origin("#d") String descriptor,
                @Advice.AllArguments Object[] arguments) {
            CallHooks.constructed(self, type, descriptor, arguments);
        }
    }
}
