package io.ferrymq.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.RemotingException;
import io.ferrymq.remoting.RemotingTimeoutException;
import io.netty.util.Timer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseTableTest {
    private final ResponseTable table = new ResponseTable(() -> "peer:1");
    private final Timer timer = PendingCall.newTimer("test-timer");

    @AfterEach
    void stopTimer() {
        timer.stop();
    }

    @Test
    void responseCompletesTheCallWithItsOpaque() {
        PendingCall call = table.open(7, 1000);

        assertThat(table.complete(response(7))).isTrue();

        assertThat(call.future().join().opaque()).isEqualTo(7);
        assertThat(table.size()).isZero();
    }

    @Test
    void responseWithoutAPendingCallIsNotMatched() {
        table.open(7, 1000);

        assertThat(table.complete(response(8))).isFalse();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void deadlineFailsTheCallWithATimeout() {
        PendingCall call = table.open(1, 30);
        call.arm(timer);

        await().atMost(Duration.ofSeconds(2)).until(call.future()::isDone);

        assertThat(call.future().handle((r, e) -> e).join()).isInstanceOf(RemotingTimeoutException.class);
        assertThat(table.complete(response(1)))
                .as("the late response is dropped")
                .isFalse();
    }

    @Test
    void failAllFailsEveryCallOnce() {
        PendingCall first = table.open(1, 1000);
        PendingCall second = table.open(2, 1000);

        table.failAll("connection to peer:1 closed");
        table.fail(first, new RemotingTimeoutException("too late"));

        assertThat(first.future().handle((r, e) -> e).join())
                .isExactlyInstanceOf(RemotingException.class)
                .hasMessage("connection to peer:1 closed");
        assertThat(second.future()).isCompletedExceptionally();
        assertThat(table.size()).isZero();
    }

    @Test
    void completedCallIgnoresALaterFailure() {
        PendingCall call = table.open(3, 1000);
        table.complete(response(3));

        table.fail(call, new RemotingException("closed"));

        assertThat(call.future()).isCompleted().isNotCompletedExceptionally();
        assertThat(call.future().join().opaque()).isEqualTo(3);
    }

    private static RemotingCommand response(int opaque) {
        return RemotingCommand.responseTo(RemotingCommand.request(1).opaque(opaque), ResponseCode.SUCCESS, null);
    }
}
