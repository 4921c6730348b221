package dev.concurrencybench.machine;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * {@code sched_setaffinity(0, size, mask)} on the calling thread, through the Foreign Function and
 * Memory API, reached by reflection.
 *
 * <p>Why reflection: the sources compile with {@code --release 21}, where {@code java.lang.foreign}
 * is a preview API. Naming its types would mark every class file as preview, and such class files
 * only load on exactly Java 21 with {@code --enable-preview}, not on the Java 22+ the jar normally
 * runs on, where the API is final (JEP 454). A multi-release jar would need a JDK 22+ to build,
 * while the build accepts any JDK 21+. So this class looks the API up at run time, only on 22+, in
 * one place; a handful of calls per pin, all outside any timed region. Elsewhere {@link TasksetPinner}
 * does the same job by running {@code taskset}.
 *
 * <p>It is only used when this code may call native functions without a warning: the jar's
 * manifest says {@code Enable-Native-Access: ALL-UNNAMED}, a JVM the suite re-launches runs that
 * jar too (or gets {@code --enable-native-access=ALL-UNNAMED} when it runs from classes, as under
 * Maven, whose tests get the flag too). Without it, the JDK would print a warning on
 * stderr (and a future JDK will refuse), so {@link #load()} declines and taskset is used instead.
 */
final class ForeignPinner implements ThreadPinner {

    /** glibc's cpu_set_t is 1024 bits; the kernel accepts any mask at least as long as its own CPU count. */
    private static final int MIN_WORDS = 1024 / 64;

    private final MethodHandle setAffinity;
    private final Method ofConfined;
    private final Method allocate;
    private final Method setLong;
    private final Object javaLong;

    private ForeignPinner(MethodHandle setAffinity, Method ofConfined, Method allocate, Method setLong, Object javaLong) {
        this.setAffinity = setAffinity;
        this.ofConfined = ofConfined;
        this.allocate = allocate;
        this.setLong = setLong;
        this.javaLong = javaLong;
    }

    /** The pinner, or empty when this JDK or JVM cannot call {@code sched_setaffinity} cleanly (see the class comment). */
    static Optional<ForeignPinner> load() {
        if (Runtime.version().feature() < 22 || !nativeAccessEnabled()) {
            return Optional.empty();
        }
        try {
            Class<?> linker = Class.forName("java.lang.foreign.Linker");
            Class<?> symbolLookup = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> layout = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
            Class<?> descriptor = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> option = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> arena = Class.forName("java.lang.foreign.Arena");

            Object nativeLinker = linker.getMethod("nativeLinker").invoke(null);
            Object libc = linker.getMethod("defaultLookup").invoke(nativeLinker);
            Optional<?> symbol = (Optional<?>) symbolLookup.getMethod("find", String.class).invoke(libc, "sched_setaffinity");
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            Object javaInt = valueLayout.getField("JAVA_INT").get(null);
            Object javaLong = valueLayout.getField("JAVA_LONG").get(null);
            Object address = valueLayout.getField("ADDRESS").get(null);
            // int sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *mask)
            Object args = Array.newInstance(layout, 3);
            Array.set(args, 0, javaInt);
            Array.set(args, 1, javaLong);
            Array.set(args, 2, address);
            Object signature = descriptor.getMethod("of", layout, args.getClass()).invoke(null, javaInt, args);
            MethodHandle call = (MethodHandle) linker.getMethod("downcallHandle", segment, descriptor, option.arrayType())
                    .invoke(nativeLinker, symbol.get(), signature, Array.newInstance(option, 0));
            return Optional.of(new ForeignPinner(call, arena.getMethod("ofConfined"),
                    arena.getMethod("allocate", long.class, long.class),
                    segment.getMethod("set", Class.forName("java.lang.foreign.ValueLayout$OfLong"), long.class, long.class),
                    javaLong));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code Module.isNativeAccessEnabled()}, a Java 22 method, for this class's module. */
    private static boolean nativeAccessEnabled() {
        try {
            return (Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(ForeignPinner.class.getModule());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "sched_setaffinity";
    }

    @Override
    public void pinCurrentThread(CpuList cpus) {
        long[] words = cpus.mask(MIN_WORDS);
        long bytes = words.length * 8L;
        int result;
        try (AutoCloseable arena = (AutoCloseable) ofConfined.invoke(null)) {
            Object mask = allocate.invoke(arena, bytes, 8L);
            for (int i = 0; i < words.length; i++) {
                setLong.invoke(mask, javaLong, i * 8L, words[i]);
            }
            result = (int) setAffinity.invokeWithArguments(0, bytes, mask);
        } catch (InvocationTargetException e) {
            throw new PinningException("sched_setaffinity through FFM failed: " + e.getCause(), e.getCause());
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new PinningException("sched_setaffinity through FFM failed: " + e, e);
        }
        if (result != 0) {
            throw new PinningException("sched_setaffinity refused CPUs " + cpus);
        }
    }
}
