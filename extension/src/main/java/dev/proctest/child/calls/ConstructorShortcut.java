package dev.proctest.child.calls;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Makes a mocked type's constructors skip their bodies: each begins with {@code if
 * (CallHooks.skipsConstructor("<type>")) { super(); return; }}, the technique of Mockito's inline
 * mock maker. The superclass needs a constructor without parameters, which the spec checks.
 */
final class ConstructorShortcut implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {

    private static final String HOOKS = "dev/proctest/child/calls/CallHooks";

    @Override
    public MethodVisitor wrap(TypeDescription type, MethodDescription constructor, MethodVisitor visitor, Implementation.Context context,
            TypePool pool, int writerFlags, int readerFlags) {
        String superName = type.getSuperClass().asErasure().getInternalName();
        return new MethodVisitor(OpenedClassReader.ASM_API, visitor) {
            @Override
            public void visitCode() {
                super.visitCode();
                Label body = new Label();
                super.visitLdcInsn(type.getName());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "skipsConstructor", "(Ljava/lang/String;)Z", false);
                super.visitJumpInsn(Opcodes.IFEQ, body);
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
                super.visitInsn(Opcodes.RETURN);
                super.visitLabel(body);
                Object[] locals = new Object[1 + constructor.getParameters().size()];
                locals[0] = Opcodes.UNINITIALIZED_THIS;
                int index = 1;
                for (TypeDescription parameter : constructor.getParameters().asTypeList().asErasures()) {
                    locals[index++] = frameType(parameter);
                }
                super.visitFrame(Opcodes.F_FULL, locals.length, locals, 0, new Object[0]);
            }

            @Override
            public void visitMaxs(int stack, int locals) {
                super.visitMaxs(Math.max(stack, 2), locals);
            }
        };
    }

    private static Object frameType(TypeDescription parameter) {
        if (!parameter.isPrimitive()) {
            return parameter.getInternalName();
        }
        if (parameter.represents(long.class)) {
            return Opcodes.LONG;
        }
        if (parameter.represents(double.class)) {
            return Opcodes.DOUBLE;
        }
        return parameter.represents(float.class) ? Opcodes.FLOAT : Opcodes.INTEGER;
    }
}
