package io.swarmdrop.testing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jupnp.DefaultUpnpServiceConfiguration;
import org.jupnp.UpnpService;
import org.jupnp.UpnpServiceImpl;
import org.jupnp.binding.annotations.AnnotationLocalServiceBinder;
import org.jupnp.binding.annotations.UpnpAction;
import org.jupnp.binding.annotations.UpnpInputArgument;
import org.jupnp.binding.annotations.UpnpOutputArgument;
import org.jupnp.binding.annotations.UpnpServiceId;
import org.jupnp.binding.annotations.UpnpServiceType;
import org.jupnp.binding.annotations.UpnpStateVariable;
import org.jupnp.binding.annotations.UpnpStateVariables;
import org.jupnp.model.DefaultServiceManager;
import org.jupnp.model.action.ActionException;
import org.jupnp.model.meta.DeviceDetails;
import org.jupnp.model.meta.DeviceIdentity;
import org.jupnp.model.meta.Icon;
import org.jupnp.model.meta.LocalDevice;
import org.jupnp.model.meta.LocalService;
import org.jupnp.model.types.UDADeviceType;
import org.jupnp.model.types.UDN;
import org.jupnp.model.types.UnsignedIntegerFourBytes;
import org.jupnp.model.types.UnsignedIntegerTwoBytes;

/**
 * A real UPnP Internet Gateway Device, served by jupnp on this host: root device, WANDevice,
 * WANConnectionDevice and a WANIPConnection service that keeps the mappings it is given. It answers
 * SSDP searches and SOAP calls over the network like a router's, so the daemon's port mapper talks
 * to it exactly as it would to an office router.
 */
public final class TestGateway implements AutoCloseable {

    public static final String EXTERNAL_ADDRESS = "198.51.100.7";

    /** One mapping as the gateway holds it. */
    public record Mapping(
            String internalClient, int internalPort, String protocol, long leaseSeconds, String description) {}

    private final UpnpService upnp;
    private final WanIpConnection connection;

    private TestGateway(boolean permanentLeasesOnly) throws Exception {
        connection = new WanIpConnection(permanentLeasesOnly);
        LocalService<WanIpConnection> service = new AnnotationLocalServiceBinder().read(WanIpConnection.class);
        service.setManager(new DefaultServiceManager<>(service, WanIpConnection.class) {
            @Override
            protected WanIpConnection createServiceInstance() {
                return connection;
            }
        });
        var connectionDevice = new LocalDevice(
                identity(), new UDADeviceType("WANConnectionDevice", 1), new DeviceDetails("WAN connection"), service);
        var wanDevice = new LocalDevice(
                identity(),
                new UDADeviceType("WANDevice", 1),
                new DeviceDetails("WAN"),
                (Icon[]) null,
                (LocalService[]) null,
                new LocalDevice[] {connectionDevice});
        var gateway = new LocalDevice(
                identity(),
                new UDADeviceType("InternetGatewayDevice", 1),
                new DeviceDetails("Swarmdrop test router"),
                (Icon[]) null,
                (LocalService[]) null,
                new LocalDevice[] {wanDevice});
        upnp = new UpnpServiceImpl(new DefaultUpnpServiceConfiguration());
        upnp.startup();
        upnp.getRegistry().addDevice(gateway);
    }

    public static TestGateway start() throws Exception {
        return new TestGateway(false);
    }

    /** A gateway that answers 725 OnlyPermanentLeasesSupported to any lease but 0, as many IGD:1 routers do. */
    public static TestGateway startPermanentOnly() throws Exception {
        return new TestGateway(true);
    }

    public Map<Integer, Mapping> mappings() {
        return Map.copyOf(connection.mappings);
    }

    /** How many AddPortMapping calls were accepted for {@code port}: the first add, then each renewal. */
    public int adds(int port) {
        return connection.adds.computeIfAbsent(port, p -> new AtomicInteger()).get();
    }

    @Override
    public void close() {
        upnp.shutdown();
    }

    private static DeviceIdentity identity() {
        return new DeviceIdentity(new UDN(UUID.randomUUID()));
    }

    @org.jupnp.binding.annotations.UpnpService(
            serviceId = @UpnpServiceId("WANIPConn1"),
            serviceType = @UpnpServiceType(value = "WANIPConnection", version = 1))
    @UpnpStateVariables({
        @UpnpStateVariable(name = "RemoteHost", datatype = "string", sendEvents = false),
        @UpnpStateVariable(name = "ExternalPort", datatype = "ui2", sendEvents = false),
        @UpnpStateVariable(name = "InternalPort", datatype = "ui2", sendEvents = false),
        @UpnpStateVariable(
                name = "PortMappingProtocol",
                datatype = "string",
                allowedValues = {"TCP", "UDP"},
                sendEvents = false),
        @UpnpStateVariable(name = "InternalClient", datatype = "string", sendEvents = false),
        @UpnpStateVariable(name = "PortMappingEnabled", datatype = "boolean", sendEvents = false),
        @UpnpStateVariable(name = "PortMappingDescription", datatype = "string", sendEvents = false),
        @UpnpStateVariable(name = "PortMappingLeaseDuration", datatype = "ui4", sendEvents = false),
        @UpnpStateVariable(name = "ExternalIPAddress", datatype = "string", sendEvents = false)
    })
    public static class WanIpConnection {

        final Map<Integer, Mapping> mappings = new ConcurrentHashMap<>();
        final Map<Integer, AtomicInteger> adds = new ConcurrentHashMap<>();
        private final boolean permanentLeasesOnly;

        public WanIpConnection() {
            this(false);
        }

        WanIpConnection(boolean permanentLeasesOnly) {
            this.permanentLeasesOnly = permanentLeasesOnly;
        }

        @UpnpAction
        public void addPortMapping(
                @UpnpInputArgument(name = "NewRemoteHost", stateVariable = "RemoteHost") String remoteHost,
                @UpnpInputArgument(name = "NewExternalPort", stateVariable = "ExternalPort")
                        UnsignedIntegerTwoBytes externalPort,
                @UpnpInputArgument(name = "NewProtocol", stateVariable = "PortMappingProtocol") String protocol,
                @UpnpInputArgument(name = "NewInternalPort", stateVariable = "InternalPort")
                        UnsignedIntegerTwoBytes internalPort,
                @UpnpInputArgument(name = "NewInternalClient", stateVariable = "InternalClient") String internalClient,
                @UpnpInputArgument(name = "NewEnabled", stateVariable = "PortMappingEnabled") boolean enabled,
                @UpnpInputArgument(name = "NewPortMappingDescription", stateVariable = "PortMappingDescription")
                        String description,
                @UpnpInputArgument(name = "NewLeaseDuration", stateVariable = "PortMappingLeaseDuration")
                        UnsignedIntegerFourBytes lease)
                throws ActionException {
            if (permanentLeasesOnly && lease.getValue() != 0) {
                throw new ActionException(725, "OnlyPermanentLeasesSupported");
            }
            int port = externalPort.getValue().intValue();
            mappings.put(
                    port,
                    new Mapping(
                            internalClient,
                            internalPort.getValue().intValue(),
                            protocol,
                            lease.getValue(),
                            description));
            adds.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
        }

        @UpnpAction
        public void deletePortMapping(
                @UpnpInputArgument(name = "NewRemoteHost", stateVariable = "RemoteHost") String remoteHost,
                @UpnpInputArgument(name = "NewExternalPort", stateVariable = "ExternalPort")
                        UnsignedIntegerTwoBytes externalPort,
                @UpnpInputArgument(name = "NewProtocol", stateVariable = "PortMappingProtocol") String protocol)
                throws ActionException {
            if (mappings.remove(externalPort.getValue().intValue()) == null) {
                throw new ActionException(714, "NoSuchEntryInArray");
            }
        }

        @UpnpAction(out = @UpnpOutputArgument(name = "NewExternalIPAddress"))
        public String getExternalIPAddress() {
            return EXTERNAL_ADDRESS;
        }
    }
}
