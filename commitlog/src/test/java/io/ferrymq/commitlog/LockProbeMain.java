package io.ferrymq.commitlog;

import java.nio.file.Path;

/** Child-JVM probe: tries to open the store given as the argument; prints what happened. */
public final class LockProbeMain {
    private LockProbeMain() {}

    public static void main(String[] args) throws Exception {
        try (StoreDirectory store = StoreDirectory.open(Path.of(args[0]))) {
            System.out.println("opened " + store.root());
            System.exit(0);
        } catch (StoreLockedException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }
}
