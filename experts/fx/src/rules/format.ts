/**
 * How FX findings write their numbers, in English and in Japanese. Both forms
 * of a message are built from the same values.
 */

/**
 * A ratio as a percentage, without trailing noise.
 *
 * @example
 * percent(0.125) // "12.5%"
 */
export function percent(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

/**
 * A money amount in English, rounded to whole units with thousands separators.
 *
 * @example
 * money(1234567.8, "JPY") // "JPY 1,234,568"
 * money(-500, "USD") // "USD -500"
 */
export function money(value: number, currency: string): string {
  return `${currency} ${Math.round(value).toLocaleString("en-US")}`;
}

const JAPANESE_CURRENCY_NAMES: Readonly<Record<string, string>> = {
  JPY: "円",
  USD: "米ドル",
  EUR: "ユーロ",
  GBP: "英ポンド",
  CNY: "人民元",
  THB: "タイバーツ",
  AUD: "豪ドル",
  CAD: "カナダドル",
  CHF: "スイスフラン",
  HKD: "香港ドル",
  SGD: "シンガポールドル",
  KRW: "韓国ウォン",
  TWD: "台湾ドル",
  INR: "インドルピー",
  IDR: "インドネシアルピア",
  VND: "ベトナムドン",
  PHP: "フィリピンペソ",
  MYR: "マレーシアリンギット",
  TRY: "トルコリラ",
  BRL: "ブラジルレアル",
  MXN: "メキシコペソ",
  NZD: "NZドル",
};

/**
 * A money amount as a Japanese credit file writes it: whole 万 units with
 * 億 and 兆 (金額の億・万表記), followed by the currency's Japanese name
 * (円, 米ドル, ...) or its code.
 *
 * @example
 * moneyJa(2_400_000_000, "JPY") // "24億円"
 * moneyJa(123_456_789, "USD") // "1億2,346万米ドル"
 * moneyJa(-5_000, "JPY") // "−5,000円"
 */
export function moneyJa(value: number, currency: string): string {
  const name = JAPANESE_CURRENCY_NAMES[currency] ?? ` ${currency}`;
  return `${japaneseAmount(value)}${name}`;
}

/**
 * The Japanese name of a currency (円, 米ドル, ...), or its code.
 *
 * @example
 * currencyNameJa("JPY") // "円"
 * currencyNameJa("ZAR") // "ZAR"
 */
export function currencyNameJa(currency: string): string {
  return JAPANESE_CURRENCY_NAMES[currency] ?? currency;
}

function japaneseAmount(value: number): string {
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  if (abs < 10_000) return `${sign}${Math.round(abs).toLocaleString("en-US")}`;
  let man = Math.round(abs / 10_000);
  const cho = Math.floor(man / 100_000_000);
  man -= cho * 100_000_000;
  const oku = Math.floor(man / 10_000);
  man -= oku * 10_000;
  const parts = [
    cho > 0 ? `${cho.toLocaleString("en-US")}兆` : "",
    oku > 0 ? `${oku.toLocaleString("en-US")}億` : "",
    man > 0 ? `${man.toLocaleString("en-US")}万` : "",
  ].join("");
  return `${sign}${parts || "0"}`;
}

/**
 * The years of a tenor as written in a message.
 *
 * @example
 * years(5) // "5"
 * years(0.5) // "0.5"
 */
export function years(value: number): string {
  return `${Number(value.toFixed(2))}`;
}
