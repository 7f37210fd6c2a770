package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * The issuing company. Every document belongs to one entity; its {@link #asIssuer() issuer snapshot} is
 * copied into a document at creation, so later changes never alter saved documents.
 *
 * <p>Immutable and thread-safe; the bank-account list is copied on the way in.
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
        boolean isTaxSubject, String currencyCode, String locale, String email, String phone, String website,
        List<BankAccount> bankAccounts, EntitySettings settings) {

    /**
     * Applies defaults and copies the account list.
     *
     * @throws ValidationException (path {@code currency_code}) when the currency is not an ISO 4217 code
     */
    public Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        currencyCode = currencyCode == null ? "EUR" : CurrencyCodes.requireValid(currencyCode, "currency_code");
        locale = locale == null ? "en-US" : locale;
        bankAccounts = bankAccounts == null ? List.of() : List.copyOf(bankAccounts);
        settings = settings == null ? EntitySettings.defaults() : settings;
    }

    /** @return the party printed as issuer on a new document */
    public Party asIssuer() {
        return new Party(name, address, address2, postCode, city, state, country, countryCode, taxNumber,
                companyNumber, email, phone, website, null, isTaxSubject ? null : Boolean.FALSE);
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
                companyNumber, isTaxSubject, currencyCode, locale, email, phone, website, bankAccounts,
                Objects.requireNonNull(newSettings, "newSettings"));
    }

    /**
     * The default issuer of the command-line tool: a Slovenian VAT subject with EUR.
     *
     * @return a sample Slovenian entity
     */
    public static Entity sampleSlovenian() {
        return new Entity("ent_000000000000000000000001", "Primer d.o.o.", "Dunajska cesta 1", null, "1000",
                "Ljubljana", null, "Slovenia", "SI", "SI12345678", "1234567000", true, "EUR", "sl-SI",
                "racuni@primer.si", null, null,
                List.of(new BankAccount("SI56191000000123438", "BAKOSI2X", "Banka", true)), EntitySettings.defaults());
    }
}
