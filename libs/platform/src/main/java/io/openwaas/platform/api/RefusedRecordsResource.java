package io.openwaas.platform.api;

import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.events.signing.RefusedRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code GET /admin/dropped-records}: the control records this service refused (unsigned, forged, altered, replayed,
 * re-keyed), newest first, with the producer each claimed and why. Operators only (the operator JWT).
 */
@Path("/admin/dropped-records")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class RefusedRecordsResource {

    private final ControlRecords control;

    public RefusedRecordsResource(ControlRecords control) {
        this.control = control;
    }

    @GET
    public List<RefusedRecord> list() {
        return control.refused();
    }
}
