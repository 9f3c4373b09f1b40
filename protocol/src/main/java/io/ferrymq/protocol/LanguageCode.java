package io.ferrymq.protocol;

/**
 * The sender's language as RocketMQ numbers it. JSON headers carry the name, binary headers the
 * byte. Names this server does not know decode as {@link #OTHER}.
 */
public enum LanguageCode {
    JAVA(0),
    CPP(1),
    DOTNET(2),
    PYTHON(3),
    DELPHI(4),
    ERLANG(5),
    RUBY(6),
    OTHER(7),
    HTTP(8),
    GO(9),
    PHP(10),
    OMS(11),
    RUST(12),
    NODE_JS(13);

    private static final LanguageCode[] BY_CODE = new LanguageCode[14];

    static {
        for (LanguageCode language : values()) {
            BY_CODE[language.code] = language;
        }
    }

    private final byte code;

    LanguageCode(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static LanguageCode ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OTHER;
    }

    public static LanguageCode ofName(String name) {
        if (name == null) {
            return OTHER;
        }
        // a switch on the common case keeps decoding free of the exception path of valueOf
        if ("JAVA".equals(name)) {
            return JAVA;
        }
        for (LanguageCode language : values()) {
            if (language.name().equals(name)) {
                return language;
            }
        }
        return OTHER;
    }
}
