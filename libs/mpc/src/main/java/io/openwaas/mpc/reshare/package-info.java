/**
 * Resharing: move a threshold key to a new holder set and/or threshold with the same group public key (Desmedt–Jajodia
 * 1997; Wong–Wang–Wing 2002 verifiable secret redistribution; tss-lib resharing template).
 *
 * <h2>Rounds</h2>
 * <ol>
 *   <li>{@link io.openwaas.mpc.reshare.Round1#deal} at each dealer (a quorum of ≥ t_old old holders): re-share
 *       {@code λ_i·s_i} with a fresh Feldman polynomial of degree {@code t_new − 1} →
 *       {@link io.openwaas.mpc.reshare.DealerMessage} to each new holder (point-to-point, encrypted by the
 *       transport).</li>
 *   <li>{@link io.openwaas.mpc.reshare.Round2} at each new holder: check the old key id, the vector length, that the
 *       constant term equals {@code λ_i·Y_i} from the old public data, the share against the commitments; compute the
 *       new share, verification shares and key id; check the group key is unchanged →
 *       {@link io.openwaas.mpc.reshare.ConfirmationMessage} (broadcast among new holders: echo + new key id).</li>
 *   <li>{@link io.openwaas.mpc.reshare.Round3}: all confirmations agree → the new
 *       {@link io.openwaas.mpc.dkg.KeyShare} is released. Only then may the coordinator switch atomically and delete
 *       the old shares; on any abort the old sharing is untouched.</li>
 * </ol>
 * Old and new shares cannot be combined: the new sharing has a new key id, and FROST commitments carry the key id.
 *
 * <h2>Driving it (tss-service)</h2>
 * Everyone builds {@link io.openwaas.mpc.reshare.ReshareParameters} from the stored old
 * {@link io.openwaas.mpc.dkg.GroupKey} (public; it fixes the group key the new holders must obtain), the dealers, the
 * new threshold and holders, a fresh session id and its own id. Dealers call {@code Round1.deal(params, oldShare)};
 * new holders call {@code Round2.begin(params, ownDealOrNull)}, {@code receive(from, bytes)}, {@code finish()}, then
 * {@code Round3.receive}/{@code finish()}.
 *
 * <h2>For outside review</h2>
 * New holders trust the old {@link io.openwaas.mpc.dkg.GroupKey} they are given (public data kept by the
 * coordinator): the library checks that the new key equals that old key, so the caller must make sure the old key
 * is the wallet's known public key. A dealer that drops out forces a restart with another dealer set (λ depends on
 * the set). Dealers give no proof of knowledge for their higher coefficients: the constant term is pinned to
 * {@code λ_i·Y_i} and the others only randomise.
 */
package io.openwaas.mpc.reshare;
