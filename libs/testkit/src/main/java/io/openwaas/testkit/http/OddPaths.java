package io.openwaas.testkit.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Other spellings of a request path that a router may normalise to the same resource, for tests that attack an
 * access gate with them (send them with {@link RawHttp}: an HTTP client library would normalise them away).
 */
public final class OddPaths {

    private OddPaths() {
    }

    /**
     * Double slashes, a percent-escaped letter, mixed case, dot segments ({@code .}, {@code x/..}, {@code %2e}, through
     * {@code /q/health} and {@code /admin}), {@code ;} parameters, a trailing slash and a trailing {@code /.} of
     * {@code path}, which has at least two segments ({@code /v2/wallets}).
     */
    public static List<String> of(String path) {
        int second = path.indexOf('/', 1);
        if (!path.startsWith("/") || second < 0) {
            throw new IllegalArgumentException("a path of at least two segments: " + path);
        }
        String first = path.substring(1, second);
        String rest = path.substring(second);
        char last = path.charAt(path.length() - 1);
        List<String> s = new ArrayList<>();
        s.add("/" + path);                                                    // //v2/wallets
        s.add("/" + first + "/" + rest);                                       // /v2//wallets
        s.add(path.replace("/", "//"));                                        // //v2//wallets
        s.add("/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest); // /%762/wallets
        s.add(path.substring(0, path.length() - 1) + "%" + Integer.toHexString(last)); // /v2/wallet%73
        s.add("/" + first.toUpperCase() + rest);                               // /V2/wallets
        s.add(path.toUpperCase());                                             // /V2/WALLETS
        s.add("/" + first + "/." + rest);                                      // /v2/./wallets
        s.add("/" + first + "/x/.." + rest);                                   // /v2/x/../wallets
        s.add("/" + first + "/%2e" + rest);                                    // /v2/%2e/wallets
        s.add("/q/health/../.." + path);                                       // /q/health/../../v2/wallets
        s.add("/admin/.." + path);                                             // /admin/../v2/wallets
        s.add("/" + first + ";x=1" + rest);                                    // /v2;x=1/wallets
        s.add(path + ";x=1");                                                  // /v2/wallets;x=1
        s.add(path + "/");                                                     // /v2/wallets/
        s.add(path + "/.");                                                    // /v2/wallets/.
        return s;
    }
}
