/**
 * JSON Web Token adapters: the ES256 admission-token signer with its published key set, and the
 * verifier of the enqueue tokens that selling sites sign, and the HMAC that seals the ETA into
 * waiting tokens. Library exceptions never leave this package: a bad token always becomes the
 * domain's InvalidAdmissionToken or InvalidEnqueueToken.
 */
package io.queuegate.adapter.jwt;
