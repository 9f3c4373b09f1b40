package io.ferrymq.client.internal;

import io.ferrymq.client.ClientException;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes a client knows, by topic, fetched from the nameservers (GET_ROUTEINFO_BY_TOPIC) and
 * refreshed as an {@link Agent} (every 30 s by its owner). The only source of broker addresses.
 * Thread-safe.
 */
public final class RouteTable implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);
    private static final long NAMESRV_TIMEOUT_MS = 3000;

    private final Rpc rpc;
    private final List<String> namesrvAddrs;
    private final AtomicInteger namesrvIndex = new AtomicInteger();
    private final Set<String> tracked = ConcurrentHashMap.newKeySet();
    private final Map<String, TopicRouteData> routes = new ConcurrentHashMap<>();

    public RouteTable(Rpc rpc, String namesrvAddr) {
        this.rpc = rpc;
        this.namesrvAddrs = parseAddrs(namesrvAddr);
    }

    static List<String> parseAddrs(String namesrvAddr) {
        List<String> addrs = new ArrayList<>();
        for (String addr : namesrvAddr.split(";")) {
            if (!addr.isBlank()) {
                addrs.add(addr.trim());
            }
        }
        if (addrs.isEmpty()) {
            throw new IllegalArgumentException("namesrvAddr holds no address: '" + namesrvAddr + "'");
        }
        return List.copyOf(addrs);
    }

    /** The cached route of {@code topic}, fetched first if unknown; empty when the nameserver has none. */
    public Optional<TopicRouteData> route(String topic) {
        tracked.add(topic);
        TopicRouteData cached = routes.get(topic);
        return cached != null ? Optional.of(cached) : refresh(topic);
    }

    /** The cached route of {@code topic}, without asking anyone. */
    public Optional<TopicRouteData> cached(String topic) {
        return Optional.ofNullable(routes.get(topic));
    }

    /** Fetches {@code topic}'s route now and caches it; empty (and forgotten) on TOPIC_NOT_EXIST. */
    public Optional<TopicRouteData> refresh(String topic) {
        tracked.add(topic);
        Optional<TopicRouteData> fetched = fetch(topic);
        fetched.ifPresentOrElse(route -> routes.put(topic, route), () -> routes.remove(topic));
        LOG.debug("route of {}: {}", topic, fetched.orElse(null));
        return fetched;
    }

    /** Drops the cached route of {@code topic}; the next {@link #route} asks again. */
    public void forget(String topic) {
        routes.remove(topic);
    }

    /** Asks a nameserver, trying the next one on transport failures. */
    public Optional<TopicRouteData> fetch(String topic) {
        return askNameserver(addr -> fetchFrom(addr, topic));
    }

    /**
     * {@code call} against the nameserver that answered last, moving on to the next one when it does
     * not answer at all (a transport failure); a refusal is an answer and ends the call. Throws the
     * last transport failure when none answers.
     */
    public <T> T askNameserver(Function<String, T> call) {
        ClientException last = null;
        for (int i = 0; i < namesrvAddrs.size(); i++) {
            String addr = namesrvAddrs.get(Math.floorMod(namesrvIndex.get(), namesrvAddrs.size()));
            try {
                return call.apply(addr);
            } catch (ClientException e) {
                if (e.responseCode() != ClientException.NO_RESPONSE_CODE) {
                    throw e;
                }
                last = e;
                namesrvIndex.incrementAndGet();
            }
        }
        throw last;
    }

    private Optional<TopicRouteData> fetchFrom(String addr, String topic) {
        RemotingCommand request =
                Rpc.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null));
        return rpc.callFound(addr, request, NAMESRV_TIMEOUT_MS, ResponseCode.TOPIC_NOT_EXIST)
                .map(response -> JsonBodyCodec.decode(response.body(), TopicRouteData.class));
    }

    /** Every nameserver's address, for requests each of them must see (deleting a topic). */
    public List<String> namesrvAddrs() {
        return namesrvAddrs;
    }

    /** The master address of {@code brokerName} from any cached route, or null. */
    public String masterAddr(String brokerName) {
        for (TopicRouteData route : routes.values()) {
            for (BrokerData broker : route.brokerDatas()) {
                if (broker.brokerName().equals(brokerName) && broker.masterAddr() != null) {
                    return broker.masterAddr();
                }
            }
        }
        return null;
    }

    /** Every master address in any cached route, sorted. */
    public Set<String> masterAddrs() {
        Set<String> addrs = new TreeSet<>();
        for (TopicRouteData route : routes.values()) {
            for (BrokerData broker : route.brokerDatas()) {
                if (broker.masterAddr() != null) {
                    addrs.add(broker.masterAddr());
                }
            }
        }
        return addrs;
    }

    /** Refreshes every topic asked about so far. */
    @Override
    public void doWork() {
        for (String topic : tracked) {
            try {
                refresh(topic);
            } catch (ClientException e) {
                LOG.warn("route refresh of {} failed: {}", topic, e.getMessage());
            }
        }
    }

    @Override
    public String roleName() {
        return "route-refresh";
    }
}
