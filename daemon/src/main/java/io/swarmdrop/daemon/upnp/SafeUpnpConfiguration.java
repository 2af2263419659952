package io.swarmdrop.daemon.upnp;

import org.jupnp.DefaultUpnpServiceConfiguration;
import org.jupnp.binding.xml.DescriptorBindingException;
import org.jupnp.binding.xml.DeviceDescriptorBinder;
import org.jupnp.binding.xml.ServiceDescriptorBinder;
import org.jupnp.binding.xml.UDA10DeviceDescriptorBinderImpl;
import org.jupnp.binding.xml.UDA10ServiceDescriptorBinderImpl;
import org.jupnp.model.UnsupportedDataException;
import org.jupnp.model.ValidationException;
import org.jupnp.model.action.ActionInvocation;
import org.jupnp.model.message.control.ActionResponseMessage;
import org.jupnp.model.message.gena.IncomingEventRequestMessage;
import org.jupnp.model.meta.Device;
import org.jupnp.model.meta.Service;
import org.jupnp.transport.impl.GENAEventProcessorImpl;
import org.jupnp.transport.impl.SOAPActionProcessorImpl;
import org.jupnp.transport.spi.GENAEventProcessor;
import org.jupnp.transport.spi.SOAPActionProcessor;

/**
 * jupnp's configuration with every XML document that comes from the network refused when it
 * declares a document type. jupnp 3.0.4 parses device and service descriptions, SOAP responses
 * and GENA events with a default {@code DocumentBuilderFactory}, which expands external entities:
 * any host on the office LAN that answers SSDP could make the daemon read local files into a
 * device name or fetch URLs of its choosing (finding I8). UPnP documents never need a DTD, and
 * entities can only be declared in one, so refusing the declaration closes both.
 */
final class SafeUpnpConfiguration extends DefaultUpnpServiceConfiguration {

    static void refuseDocumentType(String xml) throws UnsupportedDataException {
        if (xml != null && xml.contains("<!DOCTYPE")) {
            throw new UnsupportedDataException("a UPnP document with a DOCTYPE declaration is refused");
        }
    }

    /** The same refusal in the exception a descriptor binder may throw. */
    private static void refuseDescription(String xml) throws DescriptorBindingException {
        try {
            refuseDocumentType(xml);
        } catch (UnsupportedDataException e) {
            throw new DescriptorBindingException(e.getMessage());
        }
    }

    @Override
    protected DeviceDescriptorBinder createDeviceDescriptorBinderUDA10() {
        return new UDA10DeviceDescriptorBinderImpl() {
            @Override
            public <D extends Device> D describe(D device, String xml)
                    throws DescriptorBindingException, ValidationException {
                refuseDescription(xml);
                return super.describe(device, xml);
            }
        };
    }

    @Override
    protected ServiceDescriptorBinder createServiceDescriptorBinderUDA10() {
        return new UDA10ServiceDescriptorBinderImpl() {
            @Override
            public <S extends Service> S describe(S service, String xml)
                    throws DescriptorBindingException, ValidationException {
                refuseDescription(xml);
                return super.describe(service, xml);
            }
        };
    }

    @Override
    protected SOAPActionProcessor createSOAPActionProcessor() {
        return new SOAPActionProcessorImpl() {
            @Override
            public void readBody(ActionResponseMessage response, ActionInvocation invocation)
                    throws UnsupportedDataException {
                refuseDocumentType(response.getBodyString());
                super.readBody(response, invocation);
            }
        };
    }

    @Override
    protected GENAEventProcessor createGENAEventProcessor() {
        return new GENAEventProcessorImpl() {
            @Override
            public void readBody(IncomingEventRequestMessage event) throws UnsupportedDataException {
                refuseDocumentType(event.getBodyString());
                super.readBody(event);
            }
        };
    }
}
