/**
 * The name -> realistic generator table, as data. Each entry lists the normalized names it answers to
 * (snake_case words), the JSON types it fits (any when absent) and the hint, in our dialect's terms.
 * Dates use `after`/`before`: an ISO date or an offset from the run's reference date (`-18y`, `-30d`, `0d`).
 */
import type { SemanticHint } from './types.js';

/** One row of the semantic name table. */
export interface SemanticEntry {
  readonly names: readonly string[];
  readonly types?: readonly string[];
  readonly hint: Omit<SemanticHint, 'name'>;
}

const S = ['string'];
const NUM = ['number', 'integer'];
const INT = ['integer'];
const money = { type: 'number', minimum: 0, multipleOf: 0.01 } as const;

/** Every entry, most specific names first (a longer name wins over its last word). */
export const SEMANTIC_NAMES: readonly SemanticEntry[] = [
  // people
  { names: ['first_name', 'firstname', 'given_name', 'forename', 'fname'], types: S, hint: { faker: 'person.firstName' } },
  { names: ['last_name', 'lastname', 'surname', 'family_name', 'lname'], types: S, hint: { faker: 'person.lastName' } },
  { names: ['middle_name', 'middlename'], types: S, hint: { faker: 'person.middleName' } },
  { names: ['full_name', 'fullname', 'name', 'customer_name', 'person_name', 'contact_name', 'employee_name', 'patient_name', 'author', 'author_name', 'owner', 'owner_name'], types: S, hint: { faker: 'person.fullName' } },
  { names: ['name_prefix', 'salutation', 'honorific'], types: S, hint: { faker: 'person.prefix' } },
  { names: ['name_suffix'], types: S, hint: { faker: 'person.suffix' } },
  { names: ['gender', 'sex'], types: S, hint: { faker: 'person.sex' } },
  { names: ['nickname', 'display_name', 'screen_name'], types: S, hint: { faker: 'internet.displayName' } },
  { names: ['username', 'user_name', 'login', 'handle', 'user_login'], types: S, hint: { faker: 'internet.username' } },
  { names: ['password'], types: S, hint: { faker: 'internet.password' } },
  { names: ['password_hash', 'passwd_hash', 'hashed_password', 'sha256', 'hash'], types: S, hint: { faker: { method: 'string.hexadecimal', args: [{ length: 64, casing: 'lower', prefix: '' }] } } },
  { names: ['job_title', 'jobtitle', 'occupation', 'position', 'profession'], types: S, hint: { faker: 'person.jobTitle' } },
  { names: ['job_area', 'department', 'dept'], types: S, hint: { faker: 'commerce.department' } },
  { names: ['bio', 'biography', 'about', 'about_me'], types: S, hint: { faker: 'person.bio' } },
  { names: ['zodiac_sign'], types: S, hint: { faker: 'person.zodiacSign' } },
  { names: ['age'], types: NUM, hint: { type: 'integer', minimum: 18, maximum: 90, distribution: { type: 'normal', mean: 42, sd: 15, min: 18, max: 90 } } },
  { names: ['date_of_birth', 'dob', 'birth_date', 'birthdate', 'birthday', 'born_on'], types: S, hint: { format: 'date', after: '-90y', before: '-18y' } },
  { names: ['ssn', 'social_security_number'], types: S, hint: { pattern: '^[0-9]{3}-[0-9]{2}-[0-9]{4}$' } },
  { names: ['height', 'height_cm'], types: NUM, hint: { minimum: 140, maximum: 210, distribution: { type: 'normal', mean: 170, sd: 10, min: 140, max: 210 } } },
  { names: ['weight', 'weight_kg'], types: NUM, hint: { minimum: 40, maximum: 200, distribution: { type: 'normal', mean: 75, sd: 15, min: 40, max: 200 } } },
  // contact
  { names: ['email', 'email_address', 'e_mail', 'mail', 'emailaddress', 'contact_email', 'work_email'], types: S, hint: { format: 'email', faker: 'internet.email' } },
  { names: ['phone', 'phone_number', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobile_number', 'cell', 'cellphone', 'cell_phone', 'fax', 'contact_number'], types: S, hint: { faker: 'phone.number' } },
  { names: ['imei'], types: S, hint: { faker: 'phone.imei' } },
  // places
  { names: ['street_address', 'address', 'street', 'address_line', 'address1', 'address_line1', 'address_line_1', 'home_address', 'shipping_address', 'billing_address'], types: S, hint: { faker: 'location.streetAddress' } },
  { names: ['address2', 'address_line2', 'address_line_2', 'secondary_address', 'apartment', 'suite'], types: S, hint: { faker: 'location.secondaryAddress' } },
  { names: ['street_name'], types: S, hint: { faker: 'location.street' } },
  { names: ['building_number', 'house_number'], types: S, hint: { faker: 'location.buildingNumber' } },
  { names: ['city', 'town', 'city_name', 'municipality'], types: S, hint: { faker: 'location.city' } },
  { names: ['county'], types: S, hint: { faker: 'location.county' } },
  { names: ['state', 'province', 'region', 'state_name'], types: S, hint: { faker: 'location.state' } },
  { names: ['state_code', 'state_abbr', 'state_abbreviation'], types: S, hint: { faker: { method: 'location.state', args: [{ abbreviated: true }] } } },
  { names: ['zip', 'zip_code', 'zipcode', 'postal_code', 'postcode', 'postal', 'post_code'], types: S, hint: { faker: 'location.zipCode' } },
  { names: ['country', 'country_name', 'nation'], types: S, hint: { faker: 'location.country' } },
  { names: ['country_code', 'country_iso', 'iso_country'], types: S, hint: { faker: 'location.countryCode' } },
  { names: ['latitude', 'lat'], types: NUM, hint: { type: 'number', minimum: -90, maximum: 90, multipleOf: 0.000001 } },
  { names: ['longitude', 'lng', 'lon', 'long'], types: NUM, hint: { type: 'number', minimum: -180, maximum: 180, multipleOf: 0.000001 } },
  { names: ['timezone', 'time_zone', 'tz'], types: S, hint: { faker: 'location.timeZone' } },
  { names: ['continent'], types: S, hint: { faker: 'location.continent' } },
  // companies and commerce
  { names: ['company', 'company_name', 'employer', 'organization', 'organisation', 'business', 'business_name', 'vendor', 'supplier', 'manufacturer_name'], types: S, hint: { faker: 'company.name' } },
  { names: ['catch_phrase', 'slogan', 'tagline'], types: S, hint: { faker: 'company.catchPhrase' } },
  { names: ['product', 'product_name', 'item', 'item_name'], types: S, hint: { faker: 'commerce.productName' } },
  { names: ['product_description'], types: S, hint: { faker: 'commerce.productDescription' } },
  { names: ['category', 'product_category', 'category_name'], types: S, hint: { faker: 'commerce.department' } },
  { names: ['material'], types: S, hint: { faker: 'commerce.productMaterial' } },
  { names: ['color', 'colour'], types: S, hint: { faker: 'color.human' } },
  { names: ['hex_color', 'color_hex', 'rgb'], types: S, hint: { faker: 'color.rgb' } },
  { names: ['isbn'], types: S, hint: { faker: 'commerce.isbn' } },
  { names: ['sku', 'product_code', 'item_code'], types: S, hint: { pattern: '^[A-Z]{3}-[0-9]{5}$' } },
  { names: ['order_id', 'order_number', 'invoice_number', 'invoice_id', 'transaction_id', 'reference', 'confirmation_code'], types: S, hint: { pattern: '^[A-Z]{2}[0-9]{8}$', unique: true } },
  { names: ['price', 'unit_price', 'list_price', 'sale_price', 'cost', 'unit_cost', 'fee'], types: NUM, hint: { ...money, maximum: 10000, distribution: { type: 'lognormal', mu: 3.5, sigma: 1, min: 0.5, max: 10000 } } },
  { names: ['amount', 'total', 'subtotal', 'total_amount', 'order_total', 'grand_total', 'payment', 'payment_amount', 'transaction_amount', 'revenue', 'spend'], types: NUM, hint: { ...money, maximum: 100000, distribution: { type: 'lognormal', mu: 4.5, sigma: 1.1, min: 1, max: 100000 } } },
  { names: ['balance', 'account_balance'], types: NUM, hint: { ...money, maximum: 1000000, distribution: { type: 'lognormal', mu: 7.5, sigma: 1.5, min: 0, max: 1000000 } } },
  { names: ['salary', 'income', 'annual_income', 'wage', 'annual_salary'], types: NUM, hint: { minimum: 15000, maximum: 500000, multipleOf: 100, distribution: { type: 'lognormal', mu: 11, sigma: 0.45, min: 15000, max: 500000 } } },
  { names: ['quantity', 'qty', 'units', 'item_count', 'number_of_items'], types: NUM, hint: { type: 'integer', minimum: 1, maximum: 50, distribution: { type: 'poisson', lambda: 3, min: 1, max: 50 } } },
  { names: ['discount', 'discount_rate', 'tax_rate', 'rate', 'ratio', 'probability', 'share'], types: ['number'], hint: { minimum: 0, maximum: 1, multipleOf: 0.01 } },
  { names: ['percent', 'percentage', 'pct'], types: NUM, hint: { minimum: 0, maximum: 100 } },
  { names: ['rating', 'stars', 'review_score', 'score_1_5'], types: NUM, hint: { type: 'integer', minimum: 1, maximum: 5, distribution: { type: 'weighted', weights: { '1': 0.05, '2': 0.08, '3': 0.17, '4': 0.35, '5': 0.35 } } } },
  { names: ['score'], types: NUM, hint: { minimum: 0, maximum: 100, distribution: { type: 'normal', mean: 70, sd: 15, min: 0, max: 100 } } },
  // finance
  { names: ['iban'], types: S, hint: { faker: 'finance.iban' } },
  { names: ['bic', 'swift', 'swift_code', 'bic_code'], types: S, hint: { faker: 'finance.bic' } },
  { names: ['credit_card', 'credit_card_number', 'card_number', 'cc_number', 'creditcard'], types: S, hint: { faker: 'finance.creditCardNumber' } },
  { names: ['cvv', 'cvc', 'card_cvv', 'security_code'], types: S, hint: { faker: 'finance.creditCardCVV' } },
  { names: ['card_issuer', 'card_type', 'card_brand'], types: S, hint: { faker: 'finance.creditCardIssuer' } },
  { names: ['account_number', 'bank_account', 'account_no'], types: S, hint: { faker: 'finance.accountNumber' } },
  { names: ['account_name', 'account_type'], types: S, hint: { faker: 'finance.accountName' } },
  { names: ['routing_number', 'aba'], types: S, hint: { faker: 'finance.routingNumber' } },
  { names: ['currency', 'currency_code'], types: S, hint: { faker: 'finance.currencyCode' } },
  { names: ['currency_name'], types: S, hint: { faker: 'finance.currencyName' } },
  { names: ['pin'], types: S, hint: { faker: 'finance.pin' } },
  { names: ['bitcoin_address', 'btc_address'], types: S, hint: { faker: 'finance.bitcoinAddress' } },
  { names: ['ethereum_address', 'eth_address', 'wallet_address'], types: S, hint: { faker: 'finance.ethereumAddress' } },
  { names: ['transaction_type'], types: S, hint: { faker: 'finance.transactionType' } },
  { names: ['transaction_description'], types: S, hint: { faker: 'finance.transactionDescription' } },
  // internet and systems
  { names: ['url', 'website', 'web_site', 'homepage', 'home_page', 'link', 'site', 'web_address', 'profile_url'], types: S, hint: { format: 'uri', faker: 'internet.url' } },
  { names: ['domain', 'domain_name'], types: S, hint: { format: 'hostname', faker: 'internet.domainName' } },
  { names: ['hostname', 'host', 'server', 'server_name'], types: S, hint: { format: 'hostname', faker: 'internet.domainName' } },
  { names: ['ip', 'ip_address', 'ipv4', 'ipv4_address', 'client_ip', 'remote_addr', 'source_ip'], types: S, hint: { format: 'ipv4', faker: 'internet.ipv4' } },
  { names: ['ipv6', 'ipv6_address'], types: S, hint: { format: 'ipv6', faker: 'internet.ipv6' } },
  { names: ['mac', 'mac_address'], types: S, hint: { faker: 'internet.mac' } },
  { names: ['user_agent', 'useragent', 'browser'], types: S, hint: { faker: 'internet.userAgent' } },
  { names: ['port'], types: NUM, hint: { type: 'integer', minimum: 1, maximum: 65535 } },
  { names: ['http_method', 'method'], types: S, hint: { faker: 'internet.httpMethod' } },
  { names: ['http_status', 'status_code', 'response_code'], types: NUM, hint: { faker: 'internet.httpStatusCode' } },
  { names: ['emoji'], types: S, hint: { faker: 'internet.emoji' } },
  { names: ['jwt', 'token', 'access_token'], types: S, hint: { faker: 'internet.jwt' } },
  { names: ['uuid', 'guid', 'uid'], types: S, hint: { format: 'uuid', unique: true } },
  { names: ['id'], types: S, hint: { format: 'uuid', unique: true } },
  { names: ['id', 'row_id', 'record_id'], types: INT, hint: { minimum: 1, unique: true, sequence: { start: 1, step: 1 } } },
  { names: ['user_id', 'customer_id', 'account_id', 'product_id', 'order_id', 'employee_id', 'patient_id', 'item_id', 'parent_id'], types: INT, hint: { minimum: 1, maximum: 100000 } },
  { names: ['avatar', 'avatar_url', 'profile_picture', 'profile_image', 'photo', 'photo_url'], types: S, hint: { format: 'uri', faker: 'image.avatar' } },
  { names: ['image', 'image_url', 'picture', 'thumbnail', 'thumbnail_url'], types: S, hint: { format: 'uri', faker: 'image.url' } },
  { names: ['file_name', 'filename'], types: S, hint: { faker: 'system.fileName' } },
  { names: ['file_path', 'filepath', 'path'], types: S, hint: { faker: 'system.filePath' } },
  { names: ['file_extension', 'extension', 'file_ext'], types: S, hint: { faker: 'system.fileExt' } },
  { names: ['mime_type', 'mimetype', 'content_type'], types: S, hint: { faker: 'system.mimeType' } },
  { names: ['version', 'semver', 'app_version'], types: S, hint: { faker: 'system.semver' } },
  { names: ['commit', 'commit_sha', 'git_sha'], types: S, hint: { faker: 'git.commitSha' } },
  { names: ['slug'], types: S, hint: { faker: 'lorem.slug' } },
  // vehicles and things
  { names: ['vehicle', 'car', 'vehicle_name'], types: S, hint: { faker: 'vehicle.vehicle' } },
  { names: ['make', 'manufacturer', 'brand'], types: S, hint: { faker: 'vehicle.manufacturer' } },
  { names: ['vin'], types: S, hint: { faker: 'vehicle.vin' } },
  { names: ['license_plate', 'licence_plate', 'plate_number', 'registration'], types: S, hint: { faker: 'vehicle.vrm' } },
  { names: ['fuel', 'fuel_type'], types: S, hint: { faker: 'vehicle.fuel' } },
  { names: ['animal', 'pet', 'species'], types: S, hint: { faker: 'animal.type' } },
  { names: ['genre', 'music_genre'], types: S, hint: { faker: 'music.genre' } },
  { names: ['song', 'song_name', 'track'], types: S, hint: { faker: 'music.songName' } },
  { names: ['book_title'], types: S, hint: { faker: 'book.title' } },
  { names: ['airline'], types: S, hint: { faker: 'airline.airline' } },
  { names: ['food', 'dish'], types: S, hint: { faker: 'food.dish' } },
  // text
  { names: ['description', 'desc', 'details'], types: S, hint: { faker: 'lorem.sentence' } },
  { names: ['comment', 'comments', 'notes', 'note', 'remarks', 'feedback', 'review', 'message', 'body', 'content', 'text'], types: S, hint: { faker: 'lorem.paragraph' } },
  { names: ['summary', 'subject', 'headline', 'title'], types: S, hint: { faker: 'lorem.sentence' } },
  { names: ['word', 'keyword', 'tag', 'label'], types: S, hint: { faker: 'lorem.word' } },
  { names: ['status'], types: S, hint: { enum: ['active', 'inactive', 'pending'], distribution: { type: 'weighted', weights: { active: 0.7, inactive: 0.2, pending: 0.1 } } } },
  { names: ['language', 'lang'], types: S, hint: { enum: ['English', 'Spanish', 'French', 'German', 'Chinese', 'Japanese', 'Portuguese', 'Hindi', 'Arabic', 'Italian'] } },
  { names: ['locale'], types: S, hint: { enum: ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'ja-JP', 'pt-BR'] } },
  // time
  { names: ['created_at', 'updated_at', 'modified_at', 'deleted_at', 'timestamp', 'created', 'updated', 'modified', 'last_login', 'last_login_at', 'last_seen', 'last_seen_at', 'occurred_at', 'event_time', 'datetime', 'logged_at'], types: S, hint: { format: 'date-time', after: '-2y', before: '0d' } },
  { names: ['signup_date', 'signed_up_at', 'registered_at', 'registration_date', 'joined_at', 'join_date', 'hire_date', 'start_date', 'order_date', 'purchase_date', 'transaction_date', 'date'], types: S, hint: { format: 'date', after: '-3y', before: '0d' } },
  { names: ['end_date', 'due_date', 'expiry_date', 'expiration_date', 'expires_at', 'valid_until', 'delivery_date'], types: S, hint: { format: 'date', after: '0d', before: '+1y' } },
  { names: ['time', 'start_time', 'end_time', 'opening_time'], types: S, hint: { format: 'time' } },
  { names: ['year', 'model_year'], types: NUM, hint: { type: 'integer', minimum: 1990, maximum: 2025 } },
  { names: ['month'], types: INT, hint: { minimum: 1, maximum: 12 } },
  { names: ['month', 'month_name'], types: S, hint: { faker: 'date.month' } },
  { names: ['weekday', 'day_of_week', 'day_name'], types: S, hint: { faker: 'date.weekday' } },
  // flags
  { names: ['active', 'enabled', 'verified', 'confirmed', 'subscribed', 'deleted', 'archived', 'approved', 'paid', 'flag'], types: ['boolean'], hint: { type: 'boolean' } },
];
