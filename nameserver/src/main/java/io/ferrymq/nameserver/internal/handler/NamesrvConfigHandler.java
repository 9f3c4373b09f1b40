package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.LiveConfig;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.RemoteChannel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET_NAMESRV_CONFIG (319) answers the config as {@code key=value} lines; UPDATE_NAMESRV_CONFIG (318)
 * takes such lines and applies them if every key may change at runtime, else answers
 * INVALID_PARAMETER naming the refused keys and changes nothing. Register its methods as handlers.
 * Thread-safe.
 */
public final class NamesrvConfigHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvConfigHandler.class);

    private final LiveConfig config;

    public NamesrvConfigHandler(LiveConfig config) {
        this.config = config;
    }

    public RemotingCommand get(RemoteChannel channel, RemotingCommand request) {
        return Responses.success(request).body(config.current().toText().getBytes(StandardCharsets.UTF_8));
    }

    public RemotingCommand update(RemoteChannel channel, RemotingCommand request) {
        Properties updates = new Properties();
        try {
            updates.load(new StringReader(new String(request.body(), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return Responses.error(
                    request, ResponseCode.INVALID_PARAMETER, "unreadable config body: " + e.getMessage());
        }
        try {
            config.update(updates);
        } catch (IllegalArgumentException e) {
            return Responses.error(request, ResponseCode.INVALID_PARAMETER, e.getMessage());
        }
        LOG.info("nameserver config updated from {}: {}", channel == null ? "?" : channel.remoteAddress(), updates);
        return Responses.success(request);
    }
}
