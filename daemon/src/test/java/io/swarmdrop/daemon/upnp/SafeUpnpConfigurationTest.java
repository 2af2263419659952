package io.swarmdrop.daemon.upnp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jupnp.binding.xml.DescriptorBindingException;
import org.jupnp.binding.xml.UDA10DeviceDescriptorBinderImpl;
import org.jupnp.model.UnsupportedDataException;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.model.meta.RemoteDeviceIdentity;
import org.jupnp.model.types.UDN;

/** Finding I8: a device description from a LAN host cannot make the daemon read a local file. */
class SafeUpnpConfigurationTest {

    private static final String UUID = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path folder;

    private static String description(String doctype, String friendlyName) {
        return """
                <?xml version="1.0"?>
                %s
                <root xmlns="urn:schemas-upnp-org:device-1-0">
                  <specVersion><major>1</major><minor>0</minor></specVersion>
                  <device>
                    <deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
                    <friendlyName>%s</friendlyName>
                    <manufacturer>Test</manufacturer>
                    <modelName>Gateway</modelName>
                    <UDN>uuid:%s</UDN>
                  </device>
                </root>
                """
                .formatted(doctype, friendlyName, UUID)
                .strip();
    }

    private static RemoteDevice undescribed() throws Exception {
        return new RemoteDevice(new RemoteDeviceIdentity(
                UDN.valueOf(UUID),
                1800,
                new URL("http://127.0.0.1:9/description.xml"),
                null,
                InetAddress.getLoopbackAddress()));
    }

    @Test
    void aDescriptionWithAnEntityIsRefusedWhereJupnpsOwnBinderReadsTheFileIntoTheDeviceName() throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "secret-line-from-disk");
        String hostile = description("<!DOCTYPE root [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>", "&leak;");

        RemoteDevice leaked = new UDA10DeviceDescriptorBinderImpl().describe(undescribed(), hostile);
        assertThat(leaked.getDetails().getFriendlyName())
                .as("jupnp's own binder expands the entity: the finding")
                .isEqualTo("secret-line-from-disk");

        var configuration = new SafeUpnpConfiguration();
        try {
            assertThatThrownBy(
                            () -> configuration.getDeviceDescriptorBinderUDA10().describe(undescribed(), hostile))
                    .isInstanceOf(DescriptorBindingException.class)
                    .hasMessageContaining("DOCTYPE");
            RemoteDevice honest = configuration
                    .getDeviceDescriptorBinderUDA10()
                    .describe(undescribed(), description("", "Office router"));
            assertThat(honest.getDetails().getFriendlyName()).isEqualTo("Office router");
        } finally {
            configuration.shutdown();
        }
    }

    @Test
    void soapAndEventBodiesWithADocumentTypeAreRefused() {
        assertThatThrownBy(() -> SafeUpnpConfiguration.refuseDocumentType(
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"http://10.0.0.9/leak\">]><x>&e;</x>"))
                .isInstanceOf(UnsupportedDataException.class);
        assertThatCode(() -> SafeUpnpConfiguration.refuseDocumentType("<?xml version=\"1.0\"?><s:Envelope/>"))
                .doesNotThrowAnyException();
    }
}
