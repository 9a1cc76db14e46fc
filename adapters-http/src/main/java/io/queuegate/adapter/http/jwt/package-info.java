/**
 * JSON Web Token adapters: the ES256 admission-token signer with its published key set, and the
 * verifier of enqueue tokens that selling sites sign. Library failures never leave this package;
 * every bad token becomes the domain's {@code InvalidAdmissionToken} or {@code InvalidEnqueueToken}.
 */
package io.queuegate.adapter.http.jwt;
