package dev.proctest.child.time;

import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites one class's calls to the JDK's clocks, sleeps and timed waits into calls to {@link
 * TimeDelegates}, at the call site: the JDK itself is never changed, so proctest's runtime, JeroMQ and
 * every class left out keep real time. A call {@code owner.name(args)} on an instance becomes
 * {@code TimeDelegates.name(owner, args)}, which leaves the operand stack as it was.
 */
final class SiteRewriter extends ClassVisitor {

    private static final String CALLS = "dev/proctest/child/time/TimeDelegates";
    private static final String NOW_CALLS = "dev/proctest/child/time/NowReferences";
    private static final String TIME_UNIT = "java/util/concurrent/TimeUnit";
    private static final String CLOCK = "java/time/Clock";
    private static final String TIMEOUT_TAIL = "JL" + TIME_UNIT + ";)";

    /** Static methods whose replacement has the same name and descriptor, by {@code owner.name descriptor}. */
    private static final Set<String> SAME_STATICS = Set.of(
            "java/lang/System.currentTimeMillis()J",
            "java/lang/System.nanoTime()J",
            CLOCK + ".systemUTC()L" + CLOCK + ";",
            CLOCK + ".systemDefaultZone()L" + CLOCK + ";",
            CLOCK + ".system(Ljava/time/ZoneId;)L" + CLOCK + ";",
            CLOCK + ".tickMillis(Ljava/time/ZoneId;)L" + CLOCK + ";",
            CLOCK + ".tickSeconds(Ljava/time/ZoneId;)L" + CLOCK + ";",
            CLOCK + ".tickMinutes(Ljava/time/ZoneId;)L" + CLOCK + ";",
            "java/util/concurrent/locks/LockSupport.parkNanos(J)V",
            "java/util/concurrent/locks/LockSupport.parkNanos(Ljava/lang/Object;J)V",
            "java/util/concurrent/locks/LockSupport.parkUntil(J)V",
            "java/util/concurrent/locks/LockSupport.parkUntil(Ljava/lang/Object;J)V");

    /** The {@code now()} of java.time as method references, by owner: their replacements in {@link NowReferences}. */
    private static final Map<String, String> NOW_REFERENCES = Map.of(
            "java/time/Instant", "instantNow",
            "java/time/LocalDate", "localDateNow",
            "java/time/LocalTime", "localTimeNow",
            "java/time/LocalDateTime", "localDateTimeNow",
            "java/time/ZonedDateTime", "zonedDateTimeNow",
            "java/time/OffsetDateTime", "offsetDateTimeNow");

    private static final Set<String> SLEEPS = Set.of("(J)V", "(JI)V", "(Ljava/time/Duration;)V");
    private static final Set<String> WAITS = Set.of("(J)V", "(JI)V");
    private static final Set<String> JOINS = Set.of("(J)V", "(JI)V", "(Ljava/time/Duration;)Z");
    private static final Set<String> UNIT_WAITS = Set.of("sleep(J)V", "timedWait(Ljava/lang/Object;J)V", "timedJoin(Ljava/lang/Thread;J)V");
    private static final Set<String> CONDITIONS = Set.of("java/util/concurrent/locks/Condition",
            "java/util/concurrent/locks/AbstractQueuedSynchronizer$ConditionObject",
            "java/util/concurrent/locks/AbstractQueuedLongSynchronizer$ConditionObject");

    private final Hierarchy hierarchy;
    private boolean changed;

    private SiteRewriter(ClassVisitor writer, Hierarchy hierarchy) {
        super(OpenedClassReader.ASM_API, writer);
        this.hierarchy = hierarchy;
    }

    /** Returns the rewritten class, or {@code null} if it makes none of the calls. */
    static byte[] rewrite(byte[] classFile, Hierarchy hierarchy) {
        ClassReader reader = OpenedClassReader.of(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        SiteRewriter sites = new SiteRewriter(writer, hierarchy);
        reader.accept(sites, 0);
        return sites.changed ? writer.toByteArray() : null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new Rewriter(super.visitMethod(access, name, descriptor, signature, exceptions));
    }

    private final class Rewriter extends MethodVisitor {

        private boolean rewritten;
        /** {@code ScheduledThreadPoolExecutor}s made with {@code NEW} whose constructor has not yet been called. */
        private int constructions;

        Rewriter(MethodVisitor next) {
            super(OpenedClassReader.ASM_API, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (replaced(opcode, owner, name, descriptor, isInterface)) {
                rewritten = true;
                changed = true;
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] replaced = arguments.clone();
            for (int i = 0; i < replaced.length; i++) {
                if (replaced[i] instanceof Handle handle) {
                    Handle replacement = replacement(handle);
                    if (replacement != null) {
                        replaced[i] = replacement;
                        rewritten = true;
                        changed = true;
                    }
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, replaced);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            // now() gets a clock pushed, new Date() a long: two more slots at most
            super.visitMaxs(rewritten ? maxStack + 2 : maxStack, maxLocals);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW && type.equals(ConcurrentSites.EXECUTOR) && ChildTime.virtual()) {
                constructions++;
                rewritten = true;
                changed = true;
                super.visitTypeInsn(opcode, ConcurrentSites.VIRTUAL_EXECUTOR);
            } else {
                super.visitTypeInsn(opcode, type);
            }
        }

        private boolean replaced(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESPECIAL && owner.equals(ConcurrentSites.EXECUTOR) && name.equals("<init>") && constructions > 0) {
                constructions--; // the construction of a NEW replaced above, not a subclass's call of its super constructor
                super.visitMethodInsn(opcode, ConcurrentSites.VIRTUAL_EXECUTOR, name, descriptor, false);
                return true;
            }
            if (opcode == Opcodes.INVOKESPECIAL) {
                if (owner.equals("java/util/Date") && name.equals("<init>") && descriptor.equals("()V")) {
                    callTimeCalls("currentTimeMillis", "()J");
                    super.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, name, "(J)V", false);
                    return true;
                }
                return false;
            }
            if (opcode == Opcodes.INVOKESTATIC && owner.startsWith("java/time/") && name.equals("now")
                    && (descriptor.startsWith("()L") || descriptor.startsWith("(Ljava/time/ZoneId;)L"))) {
                if (descriptor.startsWith("()")) {
                    callTimeCalls("systemDefaultZone", "()L" + CLOCK + ";");
                } else {
                    callTimeCalls("system", "(Ljava/time/ZoneId;)L" + CLOCK + ";");
                }
                super.visitMethodInsn(opcode, owner, name, "(L" + CLOCK + ";)" + descriptor.substring(descriptor.indexOf(')') + 1),
                        isInterface);
                return true;
            }
            String delegate = delegate(opcode, owner, name, descriptor);
            if (delegate != null) {
                callTimeCalls(name, delegate);
                return true;
            }
            ConcurrentSites.Site site = ConcurrentSites.replacement(opcode, owner, name, descriptor, hierarchy);
            if (site != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, site.owner(), name, site.descriptor(), false);
                return true;
            }
            if (opcode != Opcodes.INVOKESPECIAL && descriptor.contains(TIMEOUT_TAIL) && descriptor.indexOf(TIMEOUT_TAIL) + TIMEOUT_TAIL.length()
                    == descriptor.indexOf(')') + 1 && hierarchy.isConcurrent(owner)) {
                // (..., long timeout, TimeUnit unit): the timeout in real nanoseconds instead
                callTimeCalls("realNanos", "(JL" + TIME_UNIT + ";)J");
                super.visitFieldInsn(Opcodes.GETSTATIC, TIME_UNIT, "NANOSECONDS", "L" + TIME_UNIT + ";");
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return true;
            }
            return false;
        }

        private void callTimeCalls(String name, String descriptor) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CALLS, name, descriptor, false);
        }
    }

    /**
     * The descriptor of the {@link TimeDelegates} method of the same name that replaces a call, or
     * {@code null}: the static method's own descriptor, or the instance method's with its receiver first.
     */
    private String delegate(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.INVOKESTATIC) {
            if (SAME_STATICS.contains(owner + "." + name + descriptor)
                    || name.equals("sleep") && SLEEPS.contains(descriptor) && hierarchy.isThread(owner)) {
                return descriptor;
            }
            return null;
        }
        String receiver = null;
        if (name.equals("wait") && WAITS.contains(descriptor)) {
            receiver = "java/lang/Object"; // final in Object: whatever the owner, it is Object.wait
        } else if (name.equals("join") && JOINS.contains(descriptor) && hierarchy.isThread(owner)) {
            receiver = "java/lang/Thread";
        } else if (owner.equals(TIME_UNIT) && UNIT_WAITS.contains(name + descriptor)) {
            receiver = TIME_UNIT;
        } else if (CONDITIONS.contains(owner) && (name.equals("awaitNanos") && descriptor.equals("(J)J")
                || name.equals("awaitUntil") && descriptor.equals("(Ljava/util/Date;)Z")
                || name.equals("await") && descriptor.equals("(JL" + TIME_UNIT + ";)Z"))) {
            receiver = "java/util/concurrent/locks/Condition";
        } else if (name.equals("getDelay") && descriptor.equals("(L" + TIME_UNIT + ";)J") && hierarchy.isConcurrent(owner)) {
            receiver = "java/util/concurrent/Delayed";
        }
        return receiver == null ? null : "(L" + receiver + ";" + descriptor.substring(1);
    }

    /** The replacement of a method reference ({@code System::nanoTime}, {@code lock::wait}), or {@code null}. */
    private Handle replacement(Handle handle) {
        int tag = handle.getTag();
        if (tag == Opcodes.H_INVOKESTATIC && handle.getName().equals("now") && handle.getDesc().equals("()L" + handle.getOwner() + ";")
                && NOW_REFERENCES.containsKey(handle.getOwner())) {
            return new Handle(Opcodes.H_INVOKESTATIC, NOW_CALLS, NOW_REFERENCES.get(handle.getOwner()), handle.getDesc(), false);
        }
        int opcode = tag == Opcodes.H_INVOKESTATIC ? Opcodes.INVOKESTATIC
                : tag == Opcodes.H_INVOKEVIRTUAL ? Opcodes.INVOKEVIRTUAL
                : tag == Opcodes.H_INVOKEINTERFACE ? Opcodes.INVOKEINTERFACE
                : -1;
        String delegate = opcode == -1 ? null : delegate(opcode, handle.getOwner(), handle.getName(), handle.getDesc());
        return delegate == null ? null : new Handle(Opcodes.H_INVOKESTATIC, CALLS, handle.getName(), delegate, false);
    }
}
