package io.ferrymq.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One frame of the RocketMQ remoting protocol: a request or a response, with its header fields, the
 * custom header ({@code extFields}, every value a string on the wire) and an opaque body.
 *
 * <p>A command is built by one thread and handed over whole; it is not thread-safe. The layout of
 * the bytes is described in {@link FrameLayout}.
 */
public final class RemotingCommand {
    /** Bit 0 of {@code flag}: this frame is a response. */
    public static final int FLAG_RESPONSE = 0x1;
    /** Bit 1 of {@code flag}: the sender expects no response. */
    public static final int FLAG_ONEWAY = 0x2;

    private static final byte[] NO_BODY = new byte[0];

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = RemotingVersion.CURRENT;
    private int opaque;
    private int flag;
    private String remark;
    private Map<String, String> extFields;
    private byte[] body = NO_BODY;
    private SerializeType serializeType = SerializeType.JSON;

    /** A request with the given code and no custom header yet. */
    public static RemotingCommand request(int code) {
        RemotingCommand command = new RemotingCommand();
        command.code = code;
        return command;
    }

    /** A response to {@code request}: its opaque echoed, the response flag set. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark) {
        RemotingCommand response = new RemotingCommand();
        response.code = code;
        response.remark = remark;
        response.opaque = request.opaque;
        response.flag = FLAG_RESPONSE;
        return response;
    }

    /** A successful response to {@code request} with no remark. */
    public static RemotingCommand successTo(RemotingCommand request) {
        return responseTo(request, ResponseCode.SUCCESS, null);
    }

    /** An empty command for a decoder to fill. */
    public static RemotingCommand empty() {
        return new RemotingCommand();
    }

    public int code() {
        return code;
    }

    public RemotingCommand code(int code) {
        this.code = code;
        return this;
    }

    public LanguageCode language() {
        return language;
    }

    public RemotingCommand language(LanguageCode language) {
        this.language = Objects.requireNonNull(language);
        return this;
    }

    public int version() {
        return version;
    }

    public RemotingCommand version(int version) {
        this.version = version;
        return this;
    }

    public int opaque() {
        return opaque;
    }

    public RemotingCommand opaque(int opaque) {
        this.opaque = opaque;
        return this;
    }

    public int flag() {
        return flag;
    }

    public RemotingCommand flag(int flag) {
        this.flag = flag;
        return this;
    }

    public boolean isResponse() {
        return (flag & FLAG_RESPONSE) != 0;
    }

    public boolean isOneway() {
        return (flag & FLAG_ONEWAY) != 0;
    }

    public RemotingCommand markOneway() {
        flag |= FLAG_ONEWAY;
        return this;
    }

    public String remark() {
        return remark;
    }

    public RemotingCommand remark(String remark) {
        this.remark = remark;
        return this;
    }

    /** The custom header, or null when the frame carried none. */
    public Map<String, String> extFields() {
        return extFields;
    }

    public RemotingCommand extFields(Map<String, String> extFields) {
        this.extFields = extFields;
        return this;
    }

    /** The value of one custom-header field, or null. */
    public String extField(String name) {
        return extFields == null ? null : extFields.get(name);
    }

    /** Sets one custom-header field; a null value removes it. */
    public RemotingCommand putExtField(String name, String value) {
        if (value == null) {
            if (extFields != null) {
                extFields.remove(name);
            }
            return this;
        }
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        extFields.put(name, value);
        return this;
    }

    /** The body; never null, empty when the frame had none. */
    public byte[] body() {
        return body;
    }

    public RemotingCommand body(byte[] body) {
        this.body = body == null ? NO_BODY : body;
        return this;
    }

    /** How the header was (or will be) encoded. */
    public SerializeType serializeType() {
        return serializeType;
    }

    public RemotingCommand serializeType(SerializeType serializeType) {
        this.serializeType = Objects.requireNonNull(serializeType);
        return this;
    }

    @Override
    public String toString() {
        return "RemotingCommand{code=" + (isResponse() ? ResponseCode.nameOf(code) : RequestCode.nameOf(code))
                + ", opaque=" + opaque + ", flag=" + flag + ", language=" + language + ", version=" + version
                + (remark != null ? ", remark=" + remark : "") + ", extFields=" + extFields + ", body="
                + body.length + "B}";
    }
}
