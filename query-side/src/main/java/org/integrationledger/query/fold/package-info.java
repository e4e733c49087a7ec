/** Read models as pure folds over one sealed event family, and the one host that runs them live, rebuilt and as of a past instant. */
package org.integrationledger.query.fold;
