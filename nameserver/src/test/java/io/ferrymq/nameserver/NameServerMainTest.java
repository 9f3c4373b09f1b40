package io.ferrymq.nameserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameServerMainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NameServerMain.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void printConfigExitsZero() throws IOException {
        Path file = Files.writeString(dir.resolve("namesrv.conf"), "listenPort=19876\n");

        assertThat(run("-c", file.toString(), "-p")).isZero();
    }

    @Test
    void unknownKeyFailsStartUp() throws IOException {
        Path file = Files.writeString(dir.resolve("namesrv.conf"), "listenPrt=19876\n");

        assertThat(run("--config", file.toString())).isEqualTo(1);
    }

    @Test
    void missingFileAndBadArgumentsFail() {
        assertThat(run("-c", dir.resolve("absent.conf").toString())).isEqualTo(1);
        assertThat(run("--bogus")).isEqualTo(2);
    }
}
