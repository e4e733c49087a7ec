package org.integrationledger.model.shared;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ISO 4217 codes the ledger refuses on a new fact, and why. Java knows them (so they still read in stored
 * history), but none is money a legal entity books in: units of account, precious metals, test and "no
 * currency" codes, fund codes (indexed or settlement units that ride on a real currency), and codes ISO has
 * withdrawn. An explicit list rather than a rule, so what is refused can be read and reviewed here.
 */
final class RefusedCurrencies {

    /** Why a code is refused. */
    enum Reason {
        NOT_MONEY("is not money (ISO 4217 unit of account, precious metal, test or \"no currency\" code)"),
        FUND("is an ISO 4217 fund code (an indexed or settlement unit), not the currency itself"),
        HISTORIC("is a withdrawn ISO 4217 code");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private static final Map<String, String> REFUSED = new TreeMap<>();

    static {
        notMoney("XXX", "no currency");
        notMoney("XTS", "reserved for testing");
        notMoney("XAU", "gold");
        notMoney("XAG", "silver");
        notMoney("XPT", "platinum");
        notMoney("XPD", "palladium");
        notMoney("XDR", "IMF special drawing right");
        notMoney("XBA", "European Composite Unit");
        notMoney("XBB", "European Monetary Unit");
        notMoney("XBC", "European Unit of Account 9");
        notMoney("XBD", "European Unit of Account 17");
        notMoney("XSU", "SUCRE, ALBA unit of account");
        notMoney("XUA", "ADB unit of account");
        fund("BOV", "Bolivian Mvdol");
        fund("CHE", "WIR euro");
        fund("CHW", "WIR franc");
        fund("CLF", "Chilean Unidad de Fomento");
        fund("COU", "Colombian Unidad de Valor Real");
        fund("MXV", "Mexican Unidad de Inversion");
        fund("USN", "US dollar next day");
        fund("UYI", "Uruguayan peso in indexed units");
        fund("UYW", "Uruguayan unidad previsional");
        historic("ADP", "Andorran peseta, replaced by EUR");
        historic("AFA", "Afghani 1927-2002, replaced by AFN");
        historic("ANG", "Netherlands Antillean guilder, replaced by XCG");
        historic("ATS", "Austrian schilling, replaced by EUR");
        historic("AYM", "Azerbaijani manat 1993-2006, replaced by AZN");
        historic("AZM", "Azerbaijani manat 1993-2006, replaced by AZN");
        historic("BEF", "Belgian franc, replaced by EUR");
        historic("BGL", "Bulgarian lev 1962-1999, replaced by BGN");
        historic("BGN", "Bulgarian lev, replaced by EUR");
        historic("BYB", "Belarusian ruble 1994-1999");
        historic("BYR", "Belarusian ruble 2000-2016, replaced by BYN");
        historic("CSD", "Serbian dinar 2002-2006, replaced by RSD");
        historic("CUC", "Cuban convertible peso");
        historic("CYP", "Cypriot pound, replaced by EUR");
        historic("DEM", "German mark, replaced by EUR");
        historic("EEK", "Estonian kroon, replaced by EUR");
        historic("ESP", "Spanish peseta, replaced by EUR");
        historic("FIM", "Finnish markka, replaced by EUR");
        historic("FRF", "French franc, replaced by EUR");
        historic("GHC", "Ghanaian cedi 1979-2007, replaced by GHS");
        historic("GRD", "Greek drachma, replaced by EUR");
        historic("GWP", "Guinea-Bissau peso, replaced by XOF");
        historic("HRK", "Croatian kuna, replaced by EUR");
        historic("IEP", "Irish pound, replaced by EUR");
        historic("ITL", "Italian lira, replaced by EUR");
        historic("LTL", "Lithuanian litas, replaced by EUR");
        historic("LUF", "Luxembourg franc, replaced by EUR");
        historic("LVL", "Latvian lats, replaced by EUR");
        historic("MGF", "Malagasy franc, replaced by MGA");
        historic("MRO", "Mauritanian ouguiya 1973-2017, replaced by MRU");
        historic("MTL", "Maltese lira, replaced by EUR");
        historic("MZM", "Mozambican metical 1980-2006, replaced by MZN");
        historic("NLG", "Dutch guilder, replaced by EUR");
        historic("PTE", "Portuguese escudo, replaced by EUR");
        historic("ROL", "Romanian leu 1952-2006, replaced by RON");
        historic("RUR", "Russian ruble 1991-1998, replaced by RUB");
        historic("SDD", "Sudanese dinar, replaced by SDG");
        historic("SIT", "Slovenian tolar, replaced by EUR");
        historic("SKK", "Slovak koruna, replaced by EUR");
        historic("SLL", "Sierra Leonean leone 1964-2022, replaced by SLE");
        historic("SRG", "Surinamese guilder, replaced by SRD");
        historic("STD", "Sao Tome dobra 1977-2017, replaced by STN");
        historic("TMM", "Turkmenistani manat 1993-2009, replaced by TMT");
        historic("TPE", "Timorese escudo");
        historic("TRL", "Turkish lira 1922-2005, replaced by TRY");
        historic("USS", "US dollar same day (withdrawn fund code)");
        historic("VEB", "Venezuelan bolivar 1871-2008, replaced by VEF");
        historic("VEF", "Venezuelan bolivar 2008-2018, replaced by VES");
        historic("XFO", "gold franc");
        historic("XFU", "UIC franc");
        historic("YUM", "Yugoslav dinar 1994-2002");
        historic("ZMK", "Zambian kwacha 1968-2012, replaced by ZMW");
        historic("ZWD", "Zimbabwean dollar 1980-2008");
        historic("ZWL", "Zimbabwean dollar 2009-2024, replaced by ZWG");
        historic("ZWN", "Zimbabwean dollar 2006-2008");
        historic("ZWR", "Zimbabwean dollar 2008-2009");
    }

    private RefusedCurrencies() {
    }

    private static void notMoney(String code, String name) {
        REFUSED.put(code, Reason.NOT_MONEY.text + ": " + name);
    }

    private static void fund(String code, String name) {
        REFUSED.put(code, Reason.FUND.text + ": " + name);
    }

    private static void historic(String code, String name) {
        REFUSED.put(code, Reason.HISTORIC.text + ": " + name);
    }

    static Optional<String> reason(String code) {
        return Optional.ofNullable(REFUSED.get(code));
    }

    static Map<String, String> all() {
        return Map.copyOf(REFUSED);
    }
}
