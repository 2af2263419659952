package io.swarmdrop.daemon.upnp;

import io.swarmdrop.core.api.LocalStatus.Upnp;
import io.swarmdrop.core.api.LocalStatus.Upnp.State;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.jupnp.UpnpService;
import org.jupnp.UpnpServiceImpl;
import org.jupnp.controlpoint.ActionCallback;
import org.jupnp.model.action.ActionInvocation;
import org.jupnp.model.message.UpnpResponse;
import org.jupnp.model.message.header.UDADeviceTypeHeader;
import org.jupnp.model.meta.Device;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.model.meta.RemoteDeviceIdentity;
import org.jupnp.model.meta.Service;
import org.jupnp.model.types.UDADeviceType;
import org.jupnp.model.types.UnsignedIntegerFourBytes;
import org.jupnp.model.types.UnsignedIntegerTwoBytes;
import org.jupnp.registry.DefaultRegistryListener;
import org.jupnp.registry.Registry;
import org.jupnp.support.igd.callback.GetExternalIP;
import org.jupnp.support.igd.callback.PortMappingAdd;
import org.jupnp.support.igd.callback.PortMappingDelete;
import org.jupnp.support.model.PortMapping;

/**
 * Maps the daemon's BitTorrent port on the office router (a UPnP Internet Gateway Device), so peers
 * outside the LAN can connect in. The gateway is found by SSDP; the mapping is added with a lease,
 * renewed at half the lease, and deleted on {@link #close()}. Gateways that only take permanent
 * mappings (error 725, common on IGD:1 routers) get one, which {@link #close()} removes all the same.
 *
 * <p>libtorrent's own UPnP is off (see {@code TorrentEngine}), so the port is mapped once, here.
 */
public final class PortMapper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PortMapper.class);
    private static final UDADeviceType GATEWAY = new UDADeviceType("InternetGatewayDevice", 1);
    /** UPnP IGD error: the gateway refuses mappings with a lease. */
    private static final int ONLY_PERMANENT_LEASES = 725;

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEARCH_EVERY = Duration.ofMinutes(1);

    /** What {@code swarmdrop status} shows about the mapping. */
    private final int port;

    private final Duration lease;
    private final String description;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "upnp-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private UpnpService upnp;
    private Service<?, ?> connection;
    private String gatewayName;
    private String internalClient;
    private long leaseSeconds;
    private volatile Upnp status;

    /**
     * @param port the local TCP port to map, the same port outside
     * @param lease how long the gateway keeps the mapping without a renewal
     */
    public PortMapper(int port, Duration lease, String description, Clock clock) {
        this.port = port;
        this.lease = lease;
        this.description = description;
        this.clock = clock;
        this.leaseSeconds = lease.toSeconds();
        this.status = new Upnp(State.OFF, null, null, port, leaseSeconds, null, null);
    }

    /** Starts looking for a gateway; returns at once, the mapping follows when one answers. */
    public synchronized void start() {
        try {
            upnp = new UpnpServiceImpl(new SafeUpnpConfiguration());
            upnp.startup();
        } catch (RuntimeException e) {
            // jupnp throws when the host has no multicast-capable interface (a laptop offline, a container).
            setStatus(State.FAILED, "UPnP cannot start: " + e.getMessage());
            LOG.warnf("UPnP port mapping is off: %s", e.getMessage());
            upnp = null;
            return;
        }
        setStatus(State.SEARCHING, null);
        upnp.getRegistry().addListener(new GatewayListener());
        long renewSeconds = Math.max(1, lease.toSeconds() / 2);
        timer.scheduleWithFixedDelay(this::renew, renewSeconds, renewSeconds, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::searchIfAlone, 0, SEARCH_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    public Upnp status() {
        return status;
    }

    private synchronized void searchIfAlone() {
        if (upnp != null && connection == null) {
            upnp.getControlPoint().search(new UDADeviceTypeHeader(GATEWAY));
        }
    }

    private synchronized void gatewayFound(RemoteDevice device) {
        if (connection != null || upnp == null) {
            return;
        }
        Optional<Service<?, ?>> service = connectionService(device);
        if (service.isEmpty()) {
            LOG.debugf("gateway %s has no WAN connection service", device.getDisplayString());
            return;
        }
        connection = service.get();
        gatewayName = device.getDetails().getFriendlyName();
        internalClient = ((RemoteDeviceIdentity) device.getIdentity())
                .getDiscoveredOnLocalAddress()
                .getHostAddress();
        LOG.infof("UPnP gateway found: %s; mapping TCP port %d to %s", gatewayName, port, internalClient);
        addMapping();
    }

    private synchronized void gatewayGone(RemoteDevice device) {
        if (connection != null && connection.getDevice().getRoot().equals(device)) {
            LOG.warnf("UPnP gateway %s went away; looking for another", gatewayName);
            connection = null;
            setStatus(State.SEARCHING, "gateway " + gatewayName + " went away");
        }
    }

    private synchronized void renew() {
        if (connection != null) {
            addMapping();
        }
    }

    /** Adds the mapping, or renews it: an IGD treats an add of an existing mapping as a renewal. */
    private void addMapping() {
        Optional<String> failure = call(new PortMappingAdd(connection, upnp.getControlPoint(), mapping()) {
            @Override
            public void success(ActionInvocation invocation) {}

            @Override
            public void failure(ActionInvocation invocation, UpnpResponse response, String message) {}
        });
        if (failure.isPresent() && failure.get().startsWith(ONLY_PERMANENT_LEASES + ":") && leaseSeconds != 0) {
            LOG.infof("UPnP gateway %s takes permanent mappings only; asking for one", gatewayName);
            leaseSeconds = 0;
            addMapping();
            return;
        }
        if (failure.isPresent()) {
            setStatus(State.FAILED, "gateway " + gatewayName + " refused the mapping: " + failure.get());
            LOG.warnf("UPnP: gateway %s refused to map port %d: %s", gatewayName, port, failure.get());
            return;
        }
        boolean first = status.state() != State.MAPPED;
        status = new Upnp(
                State.MAPPED, gatewayName, externalAddress().orElse(null), port, leaseSeconds, clock.instant(), null);
        if (first) {
            LOG.infof("UPnP: port %d mapped on %s (external address %s)", port, gatewayName, status.externalAddress());
        }
    }

    private Optional<String> externalAddress() {
        var address = new String[1];
        call(new GetExternalIP(connection) {
            @Override
            protected void success(String externalIPAddress) {
                address[0] = externalIPAddress;
            }

            @Override
            public void failure(ActionInvocation invocation, UpnpResponse response, String message) {}
        });
        return Optional.ofNullable(address[0]);
    }

    private PortMapping mapping() {
        return new PortMapping(
                true,
                new UnsignedIntegerFourBytes(leaseSeconds),
                null,
                new UnsignedIntegerTwoBytes(port),
                new UnsignedIntegerTwoBytes(port),
                internalClient,
                PortMapping.Protocol.TCP,
                description);
    }

    /** Runs one action on the gateway and waits for it; the failure, as "code: message", if any. */
    private Optional<String> call(ActionCallback callback) {
        Future<?> done = upnp.getControlPoint().execute(callback);
        try {
            done.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            return Optional.of("no answer within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause()));
        }
        var invocation = callback.getActionInvocation();
        if (invocation.getFailure() != null) {
            return Optional.of(invocation.getFailure().getErrorCode() + ": "
                    + invocation.getFailure().getMessage());
        }
        return Optional.empty();
    }

    /** Deletes the mapping from the gateway, then stops jupnp. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (upnp == null) {
            return;
        }
        if (connection != null && status.state() == State.MAPPED) {
            Optional<String> failure = call(new PortMappingDelete(connection, upnp.getControlPoint(), mapping()) {
                @Override
                public void success(ActionInvocation invocation) {}

                @Override
                public void failure(ActionInvocation invocation, UpnpResponse response, String message) {}
            });
            if (failure.isPresent()) {
                LOG.warnf("UPnP: could not remove the mapping of port %d on %s: %s", port, gatewayName, failure.get());
            } else {
                LOG.infof("UPnP: removed the mapping of port %d on %s", port, gatewayName);
            }
        }
        connection = null;
        setStatus(State.OFF, null);
        upnp.shutdown();
        upnp = null;
    }

    private void setStatus(State state, String problem) {
        status = new Upnp(state, gatewayName, null, port, leaseSeconds, null, problem);
    }

    /** The gateway's WANIPConnection (or, on PPP links, WANPPPConnection) service, at any depth. */
    static Optional<Service<?, ?>> connectionService(Device<?, ?, ?> device) {
        for (Service<?, ?> service : device.getServices()) {
            String type = service.getServiceType().getType();
            if (type.equals("WANIPConnection") || type.equals("WANPPPConnection")) {
                return Optional.of(service);
            }
        }
        for (Device<?, ?, ?> embedded : device.getEmbeddedDevices()) {
            Optional<Service<?, ?>> found = connectionService(embedded);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private final class GatewayListener extends DefaultRegistryListener {
        @Override
        public void remoteDeviceAdded(Registry registry, RemoteDevice device) {
            if (device.getType().getType().equals(GATEWAY.getType()) && !timer.isShutdown()) {
                // Off jupnp's listener thread: the mapping calls block on the gateway.
                timer.execute(() -> gatewayFound(device));
            }
        }

        @Override
        public void remoteDeviceRemoved(Registry registry, RemoteDevice device) {
            if (!timer.isShutdown()) {
                timer.execute(() -> gatewayGone(device));
            }
        }
    }
}
