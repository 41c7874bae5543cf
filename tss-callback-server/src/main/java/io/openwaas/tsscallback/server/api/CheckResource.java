package io.openwaas.tsscallback.server.api;

import io.openwaas.tsscallback.CallbackClient;
import io.openwaas.tsscallback.CallbackResponse;
import io.openwaas.tsscallback.server.domain.CallbackService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;

/**
 * {@code POST /v1/check}: a TSS node asks whether to run a task. The body is a form (URL-encoded or multipart) with
 * the field {@code TSS_JWT_MSG} (the node-signed {@code CallbackRequest}); the answer is the server-signed
 * {@link CallbackResponse} JWT as {@code text/plain}, always with HTTP 200 — failures are in its {@code status}.
 * Runs on a worker thread (RSA and a file append per request).
 */
@PermitAll
@Path("/v1/check")
public class CheckResource {

    private final CallbackService service;

    public CheckResource(CallbackService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String check(String body) {
        FormBody form = FormBody.field(body, CallbackClient.FORM_FIELD);
        return form.error() != null ? service.refuse(form.error()) : service.check(form.value());
    }

    /** The same form as {@code multipart/form-data} (the encoding Cobo's callback-server templates also accept). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_PLAIN)
    public String checkMultipart(@RestForm(CallbackClient.FORM_FIELD) String jwt) {
        return jwt == null ? service.refuse("the form has no field " + CallbackClient.FORM_FIELD) : service.check(jwt);
    }

    /** Any other body: answered with a signed status-1 response rather than a bare 415. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public String notAForm() {
        return service.refuse("the body must be application/x-www-form-urlencoded or multipart/form-data with the "
                + "field " + CallbackClient.FORM_FIELD);
    }
}
