package io.openwaas.platform.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;

/**
 * Signs every REST response, errors included (reference §1.5): the entity is serialised here, so the signature
 * covers exactly the bytes sent, and both header spellings the SDKs read are set.
 */
public class ResponseSigningFilter {

    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private final ResponseSigner signer;
    private final ObjectMapper mapper;

    public ResponseSigningFilter(ResponseSigner signer, ObjectMapper mapper) {
        this.signer = signer;
        this.mapper = mapper;
    }

    @ServerResponseFilter(priority = 10)
    public void sign(ContainerResponseContext response) throws JsonProcessingException {
        if (!signer.enabled()) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body;
        if (entity == null) {
            body = new byte[0];
        } else if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (entity instanceof String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            response.setEntity(body, NO_ANNOTATIONS, mediaType(response));
        } else {
            body = mapper.writeValueAsBytes(entity);
            response.setEntity(body, NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
        }
        String timestamp = Long.toString(System.currentTimeMillis());
        String signature = signer.sign(body, timestamp);
        var headers = response.getHeaders();
        headers.putSingle(ResponseSignature.TIMESTAMP_UNDERSCORE, timestamp);
        headers.putSingle(ResponseSignature.SIGNATURE_UNDERSCORE, signature);
        headers.putSingle(ResponseSignature.TIMESTAMP_HYPHEN, timestamp);
        headers.putSingle(ResponseSignature.SIGNATURE_HYPHEN, signature);
    }

    private static MediaType mediaType(ContainerResponseContext response) {
        return response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
    }
}
