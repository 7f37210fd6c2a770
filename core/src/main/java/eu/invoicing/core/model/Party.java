package eu.invoicing.core.model;

import java.util.List;

/**
 * An issuer or customer as printed on a document (a snapshot: later changes to the entity or the
 * customer directory never alter a saved document). Every component is nullable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name legal or display name
 * @param address first address line
 * @param address2 second address line
 * @param postCode postal code
 * @param city city
 * @param state state or region
 * @param country country name as given
 * @param countryCode ISO 3166-1 alpha-2 code; wins over {@code country} when both are given
 * @param taxNumber VAT or tax number (with or without country prefix)
 * @param companyNumber company registration number
 * @param identifiers further identifiers with their schemes (EN 16931 seller identifier BT-29, buyer identifier
 *        BT-46), not null (empty)
 * @param email e-mail address
 * @param phone phone number
 * @param website web address
 * @param isEndConsumer true forces B2C treatment outside the EU
 * @param isTaxSubject false for an issuer outside the VAT system (always B2C, no reverse charge)
 */
public record Party(String name, String address, String address2, String postCode, String city, String state,
        String country, String countryCode, String taxNumber, String companyNumber,
        List<PartyIdentifier> identifiers, String email, String phone, String website, Boolean isEndConsumer,
        Boolean isTaxSubject) {

    /**
     * Copies the identifiers; null becomes empty, a null element is kept (the calculation reports it at its path).
     *
     * @param name legal or display name
     * @param address first address line
     * @param address2 second address line
     * @param postCode postal code
     * @param city city
     * @param state state or region
     * @param country country name as given
     * @param countryCode ISO 3166-1 alpha-2 code
     * @param taxNumber VAT or tax number
     * @param companyNumber company registration number
     * @param identifiers further identifiers (BT-29 / BT-46), nullable (empty)
     * @param email e-mail address
     * @param phone phone number
     * @param website web address
     * @param isEndConsumer true forces B2C treatment outside the EU
     * @param isTaxSubject false for an issuer outside the VAT system
     */
    public Party {
        identifiers = Copies.listAllowingNull(identifiers);
    }

    /**
     * Creates a party with only a name.
     *
     * @param name the name, nullable
     * @return a party with only a name
     */
    public static Party named(String name) {
        return builder().name(name).build();
    }

    /** @return a new mutable builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with this party's values */
    public Builder toBuilder() {
        return new Builder().name(name).address(address).address2(address2).postCode(postCode).city(city)
                .state(state).country(country).countryCode(countryCode).taxNumber(taxNumber)
                .companyNumber(companyNumber).identifiers(identifiers).email(email).phone(phone).website(website)
                .isEndConsumer(isEndConsumer).isTaxSubject(isTaxSubject);
    }

    /** Mutable, single-thread builder of {@link Party}. */
    public static final class Builder {
        private String name, address, address2, postCode, city, state, country, countryCode, taxNumber,
                companyNumber, email, phone, website;
        private List<PartyIdentifier> identifiers;
        private Boolean isEndConsumer, isTaxSubject;

        private Builder() {
        }

        /**
         * Sets the legal or display name.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder name(String v) { name = v; return this; }
        /**
         * Sets the first address line.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder address(String v) { address = v; return this; }
        /**
         * Sets the second address line.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder address2(String v) { address2 = v; return this; }
        /**
         * Sets the postal code.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder postCode(String v) { postCode = v; return this; }
        /**
         * Sets the city.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder city(String v) { city = v; return this; }
        /**
         * Sets the state or region.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder state(String v) { state = v; return this; }
        /**
         * Sets the country name as given.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder country(String v) { country = v; return this; }
        /**
         * Sets the ISO 3166-1 alpha-2 country code, which wins over the country name.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder countryCode(String v) { countryCode = v; return this; }
        /**
         * Sets the VAT or tax number.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder taxNumber(String v) { taxNumber = v; return this; }
        /**
         * Sets the company registration number.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder companyNumber(String v) { companyNumber = v; return this; }
        /**
         * Sets the further identifiers with their schemes (seller identifier BT-29, buyer identifier BT-46).
         *
         * @param v nullable (none)
         * @return this builder
         */
        public Builder identifiers(List<PartyIdentifier> v) { identifiers = v; return this; }
        /**
         * Sets the e-mail address.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder email(String v) { email = v; return this; }
        /**
         * Sets the phone number.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder phone(String v) { phone = v; return this; }
        /**
         * Sets the web address.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder website(String v) { website = v; return this; }
        /**
         * Sets whether the party is an end consumer (true forces B2C treatment outside the EU).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder isEndConsumer(Boolean v) { isEndConsumer = v; return this; }
        /**
         * Sets whether the party is in the VAT system (false: always B2C, no reverse charge).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder isTaxSubject(Boolean v) { isTaxSubject = v; return this; }

        /** @return the immutable party */
        public Party build() {
            return new Party(name, address, address2, postCode, city, state, country, countryCode, taxNumber,
                    companyNumber, identifiers, email, phone, website, isEndConsumer, isTaxSubject);
        }
    }
}
