package io.swarmdrop.supernode.push;

import io.swarmdrop.supernode.access.CurrentDevice;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The push channel: server-sent events telling an online device about new publications at once. */
@Path("/api/events")
public class EventsResource {

    private final CurrentDevice device;
    private final Sessions sessions;

    EventsResource(CurrentDevice device, Sessions sessions) {
        this.device = device;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        sessions.open(device.get(), sink, sse);
    }
}
