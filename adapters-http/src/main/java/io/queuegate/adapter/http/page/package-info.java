/**
 * The waiting page at {@code /wait/{event_id}}: server-rendered HTML in the browser's language,
 * with its script and style. The templates, texts and assets are resources beside these classes.
 */
package io.queuegate.adapter.http.page;
