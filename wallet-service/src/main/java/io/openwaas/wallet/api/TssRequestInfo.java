package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.TssRequestStatus;
import io.openwaas.wallet.domain.TssRequestType;

/** Reference §3.4 {@code TSSRequest}. */
public record TssRequestInfo(String tssRequestId, SourceGroup sourceKeyShareHolderGroup,
                             String targetKeyShareHolderGroupId, TssRequestType type, TssRequestStatus status,
                             String description, long createdTimestamp) {
}
