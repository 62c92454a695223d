import { requireRomaniser } from './romaniser-packages.ts';

type OpenCC = typeof import('opencc-js');

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/**
 * Characters only traditional Chinese writes (simplified and Japanese write them otherwise), among
 * those a question about twin towns is likely to hold: one of them says the question is worth
 * converting. OpenCC does the converting; this list only spares every other question loading it.
 */
const TRADITIONAL =
  /[與們麼個這來為係結締幾週紀說講臺關嗎會時間國樣還後從對開東訊資歷過現經約協議簽誰聯絡紐邊裡區縣倫爾蘭羅華灣門發歲廣紹終斷續認識離親愛貝達維頓蘇陽漢圖線鄉鎮單覽錄號點幫請問題產業應該場萊濟樂聖熱賓亞緣誼兩體處麗劃畫義動態網頁碼綜衛聞]/u;

let toSimplified: ((text: string) => string) | undefined;

function simplifier(): (text: string) => string {
  const opencc = requireRomaniser('opencc-js/t2cn') as OpenCC;
  return opencc.ConverterFactory(opencc.Locale.from.tw, opencc.Locale.to.cn);
}

/**
 * A question in traditional Chinese ("臺北與布拉格締約幾年了") as simplified writes it, which is how the
 * cue words are written; numbers written with one character for twenty and thirty (廿, 卅) as
 * written with two. A question with kana is Japanese and is left as it is.
 */
export function inSimplifiedChinese(text: string): string {
  const numbers = text.replace(/廿/g, '二十').replace(/卅/g, '三十');
  if (KANA.test(numbers) || !TRADITIONAL.test(numbers)) return numbers;
  // OpenCC's tables from traditional to simplified, built once on the first such question (some 140 ms).
  const convert = toSimplified ?? simplifier();
  toSimplified = convert;
  return convert(numbers);
}
