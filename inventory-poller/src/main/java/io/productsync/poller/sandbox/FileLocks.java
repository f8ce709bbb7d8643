package io.productsync.poller.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per sandbox file: a push's read-compare-write and a poll's read never interleave. */
final class FileLocks {

    interface IoAction<T> {
        T run() throws IOException;
    }

    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T locked(Path file, IoAction<T> action) throws IOException {
        ReentrantLock lock = locks.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new ReentrantLock());
        lock.lock();
        try {
            return action.run();
        } finally {
            lock.unlock();
        }
    }
}
