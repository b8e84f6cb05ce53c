package dev.parley.engine.servers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Linux network namespace of the fault harness ({@code src/faults/netns.sh}): a peer runs
 * in it ({@link #command}) and reaches the host's servers at {@link #gateway()}; rules cut or
 * thin out its traffic without touching anyone else. {@link #close()} removes the namespace
 * and its rules, and a JVM shutdown hook removes any a failed test left behind.
 *
 * <p>Where namespaces cannot be made (no CAP_NET_ADMIN, no nftables) {@link #create} fails
 * the test on CI and skips it elsewhere, saying why.
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final Map<String, NetworkNamespace> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN.values()).forEach(NetworkNamespace::close),
                "parley-test-netns-cleanup"));
    }

    private final String name;
    private final String address;
    private final String gateway;

    private NetworkNamespace(String name, String address, String gateway) {
        this.name = name;
        this.address = address;
        this.gateway = gateway;
    }

    /** Creates namespace {@code parley-NAME} on the harness bridge. */
    public static NetworkNamespace create(String name) {
        String output;
        try {
            Scripts.runFile("src/faults/netns.sh", new String[0], "check");
            output = Scripts.runFile("src/faults/netns.sh", new String[0], "up", name);
        } catch (ServerUnavailableException e) {
            TestServers.unavailable("the network fault harness (src/faults/netns.sh)", e);
            throw e;
        }
        NetworkNamespace namespace = new NetworkNamespace(name, value(output, "address"), value(output, "gateway"));
        OPEN.put(name, namespace);
        return namespace;
    }

    /** This namespace's address. */
    public String address() {
        return address;
    }

    /** The host's address as seen from the namespace: servers listen there for its peers. */
    public String gateway() {
        return gateway;
    }

    /**
     * Drops every packet in and out but the TCP connections to {@code keep} ({@code host:port},
     * the XMPP server say): the peer's media stops, over UDP and ICE-TCP alike, while its
     * signaling stays up. With nothing to keep, everything stops.
     */
    public void cutAllBut(String... keep) {
        List<String> args = new ArrayList<>(List.of("cut", name));
        args.addAll(List.of(keep));
        run(args.toArray(String[]::new));
    }

    /** Drops {@code percent} % of the packets in and out at random, sparing the TCP connections to {@code keep}. */
    public void lose(int percent, String... keep) {
        List<String> args = new ArrayList<>(List.of("loss", name, Integer.toString(percent)));
        args.addAll(List.of(keep));
        run(args.toArray(String[]::new));
    }

    /** Removes every rule: the path is back. */
    public void heal() {
        run("heal", name);
    }

    /** {@code command} prefixed so that it runs inside this namespace. */
    public List<String> command(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("bash", Scripts.projectRoot().resolve("src/faults/netns.sh")
                .toString(), "exec", name));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Removes the namespace, its link and its rules (and kills what still runs in it). Idempotent. */
    @Override
    public void close() {
        if (OPEN.remove(name) != null) {
            run("down", name);
        }
    }

    private static void run(String... args) {
        Scripts.runFile("src/faults/netns.sh", new String[0], args);
    }

    private static String value(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new ServerUnavailableException("netns.sh up printed no " + key
                        + ": " + output));
    }

    @Override
    public String toString() {
        return "NetworkNamespace[parley-" + name + " " + address + "]";
    }
}
