package io.swarmdrop.engine;

/**
 * Diffie-Hellman parameters for libtorrent's SSL torrents, which ask for them with every
 * certificate. Connections use ECDHE; these are the public ffdhe2048 group of RFC 7919 (as
 * {@code openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048} prints it), so nothing
 * is generated at start-up and nothing here is secret.
 */
public final class DhParameters {

    public static final String FFDHE2048 =
            """
            -----BEGIN DH PARAMETERS-----
            MIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz
            +8yTnc4kmz75fS/jY2MMddj2gbICrsRhetPfHtXV/WVhJDP1H18GbtCFY2VVPe0a
            87VXE15/V8k1mE8McODmi3fipona8+/och3xWKE2rec1MKzKT0g6eXq8CrGCsyT7
            YdEIqUuyyOP7uWrat2DX9GgdT0Kj3jlN9K5W7edjcrsZCwenyO4KbXCeAvzhzffi
            7MA0BM0oNC9hkXL+nOmFg/+OTxIy7vKBg8P+OxtMb61zO7X8vC7CIAXFjvGDfRaD
            ssbzSibBsu/6iGtCOGEoXJf//////////wIBAg==
            -----END DH PARAMETERS-----
            """;

    private DhParameters() {}
}
