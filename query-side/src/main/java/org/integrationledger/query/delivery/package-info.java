/** Applying each event of a document to a view at most once, however often the processor delivers it. */
package org.integrationledger.query.delivery;
