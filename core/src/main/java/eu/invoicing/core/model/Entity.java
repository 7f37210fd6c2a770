package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The issuing company. Every document belongs to one entity; its {@link #asIssuer() issuer snapshot} is
 * copied into a document at creation, so later changes never alter saved documents.
 *
 * <p>Build one with {@link #builder()}, which applies the defaults listed on {@link Builder} and checks every field;
 * change one with {@link #toBuilder()} or {@link #withSettings}.
 *
 * <p>Immutable and thread-safe; the identifier and bank-account lists are copied on the way in.
 *
 * @param id entity id ({@code ent_…}), not null
 * @param name legal name, not null
 * @param address address line, nullable
 * @param address2 second address line, nullable
 * @param postCode postal code, nullable
 * @param city city, nullable
 * @param state state or region, nullable
 * @param country country name, nullable
 * @param countryCode ISO 3166-1 alpha-2, nullable
 * @param taxNumber VAT / tax number, nullable
 * @param companyNumber registration number, nullable
 * @param identifiers further identifiers with their schemes (EN 16931 seller identifier BT-29), not null
 * @param isTaxSubject whether the entity is in the VAT system (default true)
 * @param currencyCode ISO 4217 currency (default EUR), not null
 * @param locale BCP 47 locale for formatting (default en-US), not null
 * @param email e-mail, nullable
 * @param phone phone, nullable
 * @param website website, nullable
 * @param bankAccounts bank accounts, not null
 * @param settings settings with defaults, not null
 */
public record Entity(String id, String name, String address, String address2, String postCode, String city,
        String state, String country, String countryCode, String taxNumber, String companyNumber,
        List<PartyIdentifier> identifiers, boolean isTaxSubject, String currencyCode, String locale, String email, String phone, String website,
        List<BankAccount> bankAccounts, EntitySettings settings) {

    /**
     * Applies defaults and copies the account list. Checks only what the record needs to be usable; prefer
     * {@link #builder()}, which checks every field as {@code InvoicingJson.readEntity} does and reports every
     * problem at once.
     *
     * @throws ValidationException (path {@code currency_code}) when the currency is not an ISO 4217 code
     *
     * @param id entity id ({@code ent_…}), not null
     * @param name legal name, not null
     * @param address address line, nullable
     * @param address2 second address line, nullable
     * @param postCode postal code, nullable
     * @param city city, nullable
     * @param state state or region, nullable
     * @param country country name, nullable
     * @param countryCode ISO 3166-1 alpha-2, nullable
     * @param taxNumber VAT / tax number, nullable
     * @param companyNumber registration number, nullable
     * @param identifiers further identifiers (BT-29), nullable (none); a null element is kept for the builder
     *     to report
     * @param isTaxSubject whether the entity is in the VAT system (default true)
     * @param currencyCode ISO 4217 currency (default EUR), not null
     * @param locale BCP 47 locale for formatting (default en-US), not null
     * @param email e-mail, nullable
     * @param phone phone, nullable
     * @param website website, nullable
     * @param bankAccounts bank accounts, not null
     * @param settings settings with defaults, not null
     */
    public Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        currencyCode = currencyCode == null ? CurrencyCode.EUR.code() : CurrencyCode.parse(currencyCode, "currency_code").code();
        locale = locale == null ? "en-US" : locale;
        identifiers = Copies.listAllowingNull(identifiers);
        bankAccounts = bankAccounts == null ? List.of() : List.copyOf(bankAccounts);
        settings = settings == null ? EntitySettings.defaults() : settings;
    }

    /**
     * An entity without further identifiers: the canonical constructor as it was before {@code identifiers}.
     *
     * @param id entity id, not null
     * @param name legal name, not null
     * @param address address line, nullable
     * @param address2 second address line, nullable
     * @param postCode postal code, nullable
     * @param city city, nullable
     * @param state state or region, nullable
     * @param country country name, nullable
     * @param countryCode ISO 3166-1 alpha-2, nullable
     * @param taxNumber VAT / tax number, nullable
     * @param companyNumber registration number, nullable
     * @param isTaxSubject whether the entity is in the VAT system
     * @param currencyCode ISO 4217 currency, nullable (EUR)
     * @param locale BCP 47 locale, nullable (en-US)
     * @param email e-mail, nullable
     * @param phone phone, nullable
     * @param website website, nullable
     * @param bankAccounts bank accounts, nullable (none)
     * @param settings settings, nullable (defaults)
     * @throws ValidationException (path {@code currency_code}) when the currency is not an ISO 4217 code
     */
    public Entity(String id, String name, String address, String address2, String postCode, String city,
            String state, String country, String countryCode, String taxNumber, String companyNumber,
            boolean isTaxSubject, String currencyCode, String locale, String email, String phone, String website,
            List<BankAccount> bankAccounts, EntitySettings settings) {
        this(id, name, address, address2, postCode, city, state, country, countryCode, taxNumber, companyNumber,
                List.of(), isTaxSubject, currencyCode, locale, email, phone, website, bankAccounts, settings);
    }

    /**
     * The entity currency as the typed value. The record keeps the code as its component (the wire shape), checked
     * by the constructor, so this never fails; the value is one shared instance per code.
     *
     * @return the entity currency, not null
     */
    public CurrencyCode currency() {
        return CurrencyCode.of(currencyCode);
    }

    /** @return the party printed as issuer on a new document */
    public Party asIssuer() {
        return new Party(name, address, address2, postCode, city, state, country, countryCode, taxNumber,
                companyNumber, identifiers, email, phone, website, null, isTaxSubject ? null : Boolean.FALSE);
    }

    /** @return the default bank account (the one marked default, else the first), or null */
    public BankAccount defaultBankAccount() {
        return bankAccounts.stream().filter(BankAccount::isDefault).findFirst()
                .orElse(bankAccounts.isEmpty() ? null : bankAccounts.get(0));
    }

    /**
     * @param newSettings not null
     * @return a copy with other settings; this instance is unaffected
     */
    public Entity withSettings(EntitySettings newSettings) {
        return new Entity(id, name, address, address2, postCode, city, state, country, countryCode, taxNumber,
                companyNumber, identifiers, isTaxSubject, currencyCode, locale, email, phone, website, bankAccounts,
                Objects.requireNonNull(newSettings, "newSettings"));
    }

    /**
     * The default issuer of the command-line tool: a Slovenian VAT subject with EUR and e-SLOG
     * enabled ({@code settings.eslog.enabled}).
     *
     * @return a sample Slovenian entity
     */
    public static Entity sampleSlovenian() {
        return builder().id("ent_000000000000000000000001").name("Primer d.o.o.").address("Dunajska cesta 1")
                .postCode("1000").city("Ljubljana").country("Slovenia").countryCode("SI").taxNumber("SI12345678")
                .companyNumber("1234567000").locale("sl-SI").email("racuni@primer.si")
                .bankAccount(new BankAccount("SI56191000000123438", "BAKOSI2X", "Banka", true))
                .settings(EntitySettings.defaults().toBuilder().eslog(new EntitySettings.Eslog(true)).build()).build();
    }

    /** @return a new builder with the defaults: a VAT subject, EUR, en-US, no bank account, default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with every value of this entity; this instance is unaffected */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.name = name;
        b.address = address;
        b.address2 = address2;
        b.postCode = postCode;
        b.city = city;
        b.state = state;
        b.country = country;
        b.countryCode = countryCode;
        b.taxNumber = taxNumber;
        b.companyNumber = companyNumber;
        b.identifiers = identifiers;
        b.isTaxSubject = isTaxSubject;
        b.currencyCode = currencyCode;
        b.locale = locale;
        b.email = email;
        b.phone = phone;
        b.website = website;
        b.bankAccounts = new ArrayList<>(bankAccounts);
        b.settings = settings;
        return b;
    }

    /**
     * Mutable, single-thread builder of entities. Unset values take these defaults
     * ({@code is_tax_subject} true, {@code currency_code} EUR, {@code locale} en-US, no bank account,
     * {@link EntitySettings#defaults()}); {@link #build()} checks every field and reports every problem at once.
     */
    public static final class Builder {
        private static final Pattern ENTITY_ID = Pattern.compile("ent_[0-9a-z]{1,64}");
        private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
        private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
        /** ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which the JDK lacks and invoices use. */
        private static final Set<String> COUNTRIES = countries();

        private String id;
        private String name;
        private String address;
        private String address2;
        private String postCode;
        private String city;
        private String state;
        private String country;
        private String countryCode;
        private String taxNumber;
        private String companyNumber;
        private List<PartyIdentifier> identifiers;
        private boolean isTaxSubject = true;
        private String currencyCode;
        private String locale;
        private String email;
        private String phone;
        private String website;
        private List<BankAccount> bankAccounts = new ArrayList<>();
        private EntitySettings settings;

        private Builder() {
        }

        /**
         * Sets the entity id.
         *
         * @param v the entity id, {@code ent_} and 1–64 lowercase letters or digits; required
         * @return this builder
         */
        public Builder id(String v) {
            id = v;
            return this;
        }

        /**
         * Sets the legal name.
         *
         * @param v the legal name, required, not blank
         * @return this builder
         */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /**
         * Sets the first address line.
         *
         * @param v the address line, nullable
         * @return this builder
         */
        public Builder address(String v) {
            address = v;
            return this;
        }

        /**
         * Sets the second address line.
         *
         * @param v the second address line, nullable
         * @return this builder
         */
        public Builder address2(String v) {
            address2 = v;
            return this;
        }

        /**
         * Sets the postal code.
         *
         * @param v the postal code, nullable
         * @return this builder
         */
        public Builder postCode(String v) {
            postCode = v;
            return this;
        }

        /**
         * Sets the city.
         *
         * @param v the city, nullable
         * @return this builder
         */
        public Builder city(String v) {
            city = v;
            return this;
        }

        /**
         * Sets the state or region.
         *
         * @param v the state or region, nullable
         * @return this builder
         */
        public Builder state(String v) {
            state = v;
            return this;
        }

        /**
         * Sets the country name.
         *
         * @param v the country name, nullable
         * @return this builder
         */
        public Builder country(String v) {
            country = v;
            return this;
        }

        /**
         * @param v ISO 3166-1 alpha-2 in capitals (or {@code XK}), nullable; decides, with {@link #isTaxSubject},
         *     whether sales abroad are EU / third-country ones
         * @return this
         */
        public Builder countryCode(String v) {
            countryCode = v;
            return this;
        }

        /**
         * Sets the VAT / tax number.
         *
         * @param v the VAT / tax number, nullable
         * @return this builder
         */
        public Builder taxNumber(String v) {
            taxNumber = v;
            return this;
        }

        /**
         * Sets the company registration number.
         *
         * @param v the registration number, nullable
         * @return this builder
         */
        public Builder companyNumber(String v) {
            companyNumber = v;
            return this;
        }

        /**
         * Sets the further identifiers with their schemes (EN 16931 seller identifier BT-29, e.g. a GLN under
         * scheme 0088), copied into every issuer snapshot.
         *
         * @param v the identifiers, nullable (none)
         * @return this builder
         */
        public Builder identifiers(List<PartyIdentifier> v) {
            identifiers = v;
            return this;
        }

        /**
         * Sets whether the entity is in the VAT system.
         *
         * @param v whether the entity is in the VAT system (default true)
         * @return this builder
         */
        public Builder isTaxSubject(boolean v) {
            isTaxSubject = v;
            return this;
        }

        /**
         * Sets the entity currency.
         *
         * @param v ISO 4217 currency in capitals, nullable (EUR)
         * @return this builder
         */
        public Builder currencyCode(String v) {
            currencyCode = v;
            return this;
        }

        /**
         * Sets the entity currency.
         *
         * @param v the currency, nullable (EUR)
         * @return this builder
         */
        public Builder currency(CurrencyCode v) {
            currencyCode = v == null ? null : v.code();
            return this;
        }

        /**
         * Sets the locale used for formatting.
         *
         * @param v BCP 47 locale for formatting, nullable (en-US)
         * @return this builder
         */
        public Builder locale(String v) {
            locale = v;
            return this;
        }

        /**
         * Sets the e-mail address.
         *
         * @param v the e-mail, nullable
         * @return this builder
         */
        public Builder email(String v) {
            email = v;
            return this;
        }

        /**
         * Sets the phone number.
         *
         * @param v the phone, nullable
         * @return this builder
         */
        public Builder phone(String v) {
            phone = v;
            return this;
        }

        /**
         * Sets the web address.
         *
         * @param v the website, nullable
         * @return this builder
         */
        public Builder website(String v) {
            website = v;
            return this;
        }

        /**
         * Sets the bank accounts.
         *
         * @param v the bank accounts, at most one of them the default; null means none
         * @return this builder
         */
        public Builder bankAccounts(List<BankAccount> v) {
            bankAccounts = v == null ? new ArrayList<>() : new ArrayList<>(v);
            return this;
        }

        /**
         * Adds a bank account after those set so far.
         *
         * @param v a further bank account, not null
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder bankAccount(BankAccount v) {
            bankAccounts.add(Objects.requireNonNull(v, "bankAccount"));
            return this;
        }

        /**
         * Sets the settings.
         *
         * @param v the settings, nullable ({@link EntitySettings#defaults()})
         * @return this builder
         */
        public Builder settings(EntitySettings v) {
            settings = v;
            return this;
        }

        /**
         * @return the immutable entity
         * @throws ValidationException with every problem, each at its wire path: {@code id} ({@code required},
         *     {@code invalid_id}), {@code name} ({@code required}: null or blank), {@code currency_code}
         *     ({@code unknown_currency}), {@code country_code} and {@code locale} ({@code invalid_value}),
     *     {@code identifiers[i]} and {@code .id} ({@code required}), {@code identifiers[i].scheme}
     *     ({@code invalid_value}: not an ISO/IEC 6523 ICD code),
         *     {@code bank_accounts[i]} ({@code required}), {@code bank_accounts[i].iban} (structure and check
         *     digits) and {@code .bic} ({@code invalid_format}), a second {@code bank_accounts[i].is_default}
         *     ({@code conflict})
         */
        public Entity build() {
            ViolationCollector out = new ViolationCollector();
            if (id == null || id.isBlank()) {
                out.add("id", "required", "is required");
            } else if (!ENTITY_ID.matcher(id).matches()) {
                out.add("id", "invalid_id", "must be ent_ followed by lowercase letters and digits, was "
                        + Violation.quote(id));
            }
            if (name == null || name.isBlank()) {
                out.add("name", "required", "is required");
            }
            if (currencyCode != null && !CurrencyCode.isValid(currencyCode)) {
                out.add(CurrencyCode.violation(currencyCode, "currency_code"));
            }
            if (countryCode != null && !COUNTRIES.contains(countryCode)) {
                out.add("country_code", "invalid_value", "must be an ISO 3166-1 alpha-2 code in capitals (e.g. SI),"
                        + " was " + Violation.quote(countryCode));
            }
            if (locale != null && !isLanguageTag(locale)) {
                out.add("locale", "invalid_value", "must be a BCP 47 language tag (e.g. sl-SI), was "
                        + Violation.quote(locale));
            }
            if (identifiers != null) {
                PartyIdentifier.validate(identifiers, "identifiers", out);
            }
            boolean hasDefault = false;
            for (int i = 0; i < bankAccounts.size(); i++) {
                BankAccount a = bankAccounts.get(i);
                String at = "bank_accounts[" + i + "]";
                if (a == null) {
                    out.add(at, "required", "must be a bank account, was null");
                    continue;
                }
                if (a.iban() != null && !isIban(a.iban())) {
                    out.add(at + ".iban", "invalid_format", "must be an IBAN (country code, check digits and"
                            + " account, no spaces) whose check digits match, was " + Violation.quote(a.iban()));
                }
                if (a.bic() != null && !BIC.matcher(a.bic()).matches()) {
                    out.add(at + ".bic", "invalid_format", "must be a BIC of 8 or 11 capital letters and digits,"
                            + " was " + Violation.quote(a.bic()));
                }
                if (a.isDefault() && hasDefault) {
                    out.add(at + ".is_default", "conflict", "only one bank account can be the default");
                }
                hasDefault |= a.isDefault();
            }
            out.throwIfAny();
            return new Entity(id, name, address, address2, postCode, city, state, country, countryCode, taxNumber,
                    companyNumber, identifiers, isTaxSubject, currencyCode, locale, email, phone, website, bankAccounts,
                    settings);
        }

        private static Set<String> countries() {
            Set<String> codes = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
            codes.add("XK");
            return Set.copyOf(codes);
        }

        private static boolean isLanguageTag(String tag) {
            try {
                new Locale.Builder().setLanguageTag(tag);
                return !tag.isEmpty();
            } catch (IllformedLocaleException e) {
                return false;
            }
        }

        /** ISO 13616: structure and the mod-97 check digits. */
        private static boolean isIban(String iban) {
            if (!IBAN.matcher(iban).matches()) {
                return false;
            }
            String rearranged = iban.substring(4) + iban.substring(0, 4);
            int remainder = 0;
            for (int i = 0; i < rearranged.length(); i++) {
                int digit = Character.digit(rearranged.charAt(i), 36);
                remainder = (digit > 9 ? remainder * 100 + digit : remainder * 10 + digit) % 97;
            }
            return remainder == 1;
        }
    }
}
