package org.integrationledger.app.observability;

/** The text of a business key: a typed id such as {@code PurchaseOrderId} reads as its value. */
final class BusinessKeys {

    private BusinessKeys() {
    }

    static String text(Object key) {
        Class<?> type = key.getClass();
        if (type.isRecord() && type.getRecordComponents().length == 1) {
            try {
                Object value = type.getRecordComponents()[0].getAccessor().invoke(key);
                return value == null ? "" : text(value);
            } catch (ReflectiveOperationException e) {
                return key.toString();
            }
        }
        return key.toString();
    }
}
