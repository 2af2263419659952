package io.swarmdrop.supernode.access;

import io.swarmdrop.core.directory.DeviceRef;
import jakarta.enterprise.context.RequestScoped;

/** The device whose token authenticated the current daemon API request. */
@RequestScoped
public class CurrentDevice {

    private DeviceRef device;

    void set(DeviceRef device) {
        this.device = device;
    }

    public DeviceRef get() {
        if (device == null) {
            throw new NotAuthenticatedException("this call needs a device token");
        }
        return device;
    }

    public String user() {
        return get().user();
    }
}
