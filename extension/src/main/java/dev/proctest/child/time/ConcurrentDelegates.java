package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.locks.Lock;
import org.apiguardian.api.API;

/**
 * What the system under test's blocking {@code java.util.concurrent} calls with a {@code (long,
 * TimeUnit)} timeout become when its time is not real: each method stands for the JDK method of
 * the same name, with the receiver as its first parameter, and returns what that method returns
 * on a timeout once the timeout has passed in child time (see {@link VirtualTimeouts}).
 */
@API(status = INTERNAL, since = "0.4")
public final class ConcurrentDelegates {

    private ConcurrentDelegates() {}

    public static <E> E poll(BlockingQueue<E> queue, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, queue::poll, () -> null);
    }

    public static <E> boolean offer(BlockingQueue<E> queue, E element, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, (t, u) -> queue.offer(element, t, u), () -> false);
    }

    public static <E> E pollFirst(BlockingDeque<E> deque, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, deque::pollFirst, () -> null);
    }

    public static <E> E pollLast(BlockingDeque<E> deque, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, deque::pollLast, () -> null);
    }

    public static <E> boolean offerFirst(BlockingDeque<E> deque, E element, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, (t, u) -> deque.offerFirst(element, t, u), () -> false);
    }

    public static <E> boolean offerLast(BlockingDeque<E> deque, E element, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, (t, u) -> deque.offerLast(element, t, u), () -> false);
    }

    public static <E> boolean tryTransfer(TransferQueue<E> queue, E element, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, (t, u) -> queue.tryTransfer(element, t, u), () -> false);
    }

    public static <V> V get(Future<V> future, long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
            TimeoutException {
        return VirtualTimeouts.within(timeout, unit, future::get, ConcurrentDelegates::timeout);
    }

    public static boolean await(CountDownLatch latch, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, latch::await, () -> false);
    }

    /** Breaks the barrier on a timeout, as the JDK does: the clock's interrupt breaks it the same way. */
    public static int await(CyclicBarrier barrier, long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException,
            TimeoutException {
        return VirtualTimeouts.within(timeout, unit, barrier::await, ConcurrentDelegates::timeout);
    }

    public static boolean tryAcquire(Semaphore semaphore, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, semaphore::tryAcquire, () -> false);
    }

    public static boolean tryAcquire(Semaphore semaphore, int permits, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, (t, u) -> semaphore.tryAcquire(permits, t, u), () -> false);
    }

    public static boolean tryLock(Lock lock, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, lock::tryLock, () -> false);
    }

    public static boolean awaitTermination(ExecutorService executor, long timeout, TimeUnit unit) throws InterruptedException {
        return VirtualTimeouts.within(timeout, unit, executor::awaitTermination, () -> false);
    }

    public static <V> V exchange(Exchanger<V> exchanger, V value, long timeout, TimeUnit unit) throws InterruptedException,
            TimeoutException {
        return VirtualTimeouts.within(timeout, unit, (t, u) -> exchanger.exchange(value, t, u), ConcurrentDelegates::timeout);
    }

    public static int awaitAdvanceInterruptibly(Phaser phaser, int phase, long timeout, TimeUnit unit) throws InterruptedException,
            TimeoutException {
        return VirtualTimeouts.within(timeout, unit, (t, u) -> phaser.awaitAdvanceInterruptibly(phase, t, u),
                ConcurrentDelegates::timeout);
    }

    private static <T> T timeout() throws TimeoutException {
        throw new TimeoutException();
    }
}
