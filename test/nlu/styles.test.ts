/**
 * Whole messages in the ways people really write in LINE, beyond the plain order: long chatty
 * messages, complaints, questions about past orders, chatter with digits, mixed Thai and
 * English, typos and held letters, regional words, romanised Thai, counter shorthand, numbers
 * read out digit by digit. Each table ends with messages that look like an order and are not.
 */
import { describe, expect, it } from 'vitest';
import { parse, type Intent } from '../../src/nlu/index.ts';
import type { Network } from '../../src/networks.ts';

type Row = [text: string, intent: Intent, number: string | null, network: Network | null, amount: number | null];

function check([text, intent, number, network, amount]: Row): void {
  const r = parse(text);
  expect({ intent: r.intent, number: r.number, network: r.network, amount: r.amount }).toEqual({ intent, number, network, amount });
}

describe('long chatty messages', () => {
  it.each<Row>([
    ['สวัสดีค่ะ พอดีแม่โทรมาบอกว่าเงินในเครื่องหมด รบกวนเติมให้เบอร์แม่หน่อยนะคะ 0891234567 เอไอเอส 100 บาทค่ะ ขอบคุณมากๆค่ะ', 'topup', '0891234567', 'AIS', 100],
    ['พี่ครับ ผมอยู่ต่างจังหวัด ซิมดีแทคเงินหมด ช่วยเติมให้ 50 บาทได้ไหมครับ เบอร์ 0861234567', 'topup', '0861234567', 'DTAC', 50],
    ['ฝากเติมเงินให้ลูกสาวหน่อยค่ะ เขาใช้ทรู เบอร์ 092-345-6789 สองร้อยบาทค่ะ เดี๋ยวโอนให้นะคะ', 'topup', '0923456789', 'TRUE', 200],
    ['ขอโทษที่ทักดึกนะคะ จะเติมเงิน ais 300 บาท เบอร์ 0812345678 ค่ะ', 'topup', '0812345678', 'AIS', 300],
    ['ตอนนี้อยู่หน้าเซเว่นแต่ตู้เติมเงินเสีย ขอเติมผ่านไลน์แทนได้ไหมคะ ทรู 0812345678 ห้าสิบบาท', 'topup', '0812345678', 'TRUE', 50],
    ['วันนี้เงินเดือนออกแล้ว เติมให้ตัวเองหน่อย ดีแทค 500 บาท 0898765432 นะครับ', 'topup', '0898765432', 'DTAC', 500],
    ['รบกวนด้วยนะคะ น้องชายจะสอบพรุ่งนี้ต้องใช้เน็ต เติมทรูให้เบอร์ 0654321987 สัก 100 นะคะ', 'topup', '0654321987', 'TRUE', 100],
    ['เติม 20 บาทให้เบอร์ 0812345678 ทรูมูฟเอชค่ะ เอาไว้โทรหาหมอ', 'topup', '0812345678', 'TRUE', 20],
    ['หวัดดีค่ะพี่ หนูเองนะ วันนี้ขอเติมให้ยายหน่อย ยายใช้ดีแทค เบอร์ยาย 0845556666 เติมร้อยนึงพอค่ะ', 'topup', '0845556666', 'DTAC', 100],
    ['เติมให้หน่อยครับ 0971112222 เอไอเอส พันบาท เดี๋ยวเย็นนี้โอนให้', 'topup', '0971112222', 'AIS', 1000],
    // Not orders, however long.
    ['สวัสดีค่ะ ร้านนี้เปิดกี่โมงถึงกี่โมงคะ พรุ่งนี้จะแวะไปซื้อของ', 'unknown', null, null, null],
    ['เมื่อวานไปกินข้าวกับเพื่อนมา จ่ายไป 300 บาท อร่อยมากเลย', 'unknown', null, null, null],
  ])('%s', (...row) => check(row));
});

describe('complaints and questions about past orders', () => {
  it.each<Row>([
    ['ทำไมเติมไปตั้งนานแล้วยังไม่เข้าอะ 0812345678', 'status', '0812345678', null, null],
    ['โอนเงินไปแล้ว 100 บาท แต่เบอร์ 0898765432 ยังไม่ได้เงินเลยค่ะ', 'status', '0898765432', null, 100],
    ['ยอดเงินไม่ขึ้นเลยค่ะ เติมไป 300', 'status', null, null, 300],
    ['เติมไม่สำเร็จใช่ไหมคะ เงินถูกตัดไปแล้ว', 'status', null, null, null],
    ['สั่งไปตั้งแต่เช้า ถึงไหนแล้วคะ', 'status', null, null, null],
    ['รายการเมื่อกี้เป็นไงบ้างครับ', 'status', null, null, null],
    ['ที่สั่งไปเมื่อวานเรียบร้อยแล้วรึยัง', 'status', null, null, null],
    ['ทรู 50 ที่เติมเมื่อคืน ยังไม่เข้าเลยค่ะ', 'status', null, 'TRUE', 50],
    ['เติมดีแทค 100 ให้เบอร์ 0861234567 ไปตอนเที่ยง เข้ารึยังคะ', 'status', '0861234567', 'DTAC', 100],
    ['ทำไมยังไม่เสร็จอีก รอนานมาก', 'status', null, null, null],
    // Statements about a top-up that arrived: thanks, not questions.
    ['เงินเข้าแล้วค่ะ ขอบคุณนะคะ', 'unknown', null, null, null],
    ['เข้าแล้วจ้า', 'unknown', null, null, null],
    ['เติมให้แล้วนะ', 'unknown', null, null, null],
  ])('%s', (...row) => check(row));
});

describe('chatter with digits', () => {
  it.each<Row>([
    ['พรุ่งนี้ 8 โมงเจอกันหน้าร้านนะ', 'unknown', null, null, null],
    ['ลูกค้าโต๊ะ 5 สั่งข้าวผัด 2 จาน', 'unknown', null, null, null],
    ['ปีนี้ 2568 แล้วนะ เวลาผ่านไปไวมาก', 'unknown', null, null, null],
    ['ค่าไฟเดือนนี้ 1,200 บาท แพงมาก', 'unknown', null, null, null],
    ['รถติดมาก ใช้เวลา 45 นาที', 'unknown', null, null, null],
    ['เกิดวันที่ 12 ธันวา 2540', 'unknown', null, null, null],
    ['ส่งพัสดุไปที่ 50200 เชียงใหม่', 'unknown', null, null, null],
    ['มีลูก 2 คน คนโต 10 ขวบ', 'unknown', null, null, null],
    ['ห้อง 1204 ชั้น 12 นะคะ', 'unknown', null, null, null],
    ['OTP 482913 ค่ะ', 'unknown', null, null, null],
    ['คะแนนสอบได้ 85 เต็ม 100', 'unknown', null, null, null],
    ['โอนเข้าบัญชีไทยพาณิชย์ 407-123456-7 แล้วนะ', 'unknown', null, null, null],
    ['เลขบัตรประชาชน 3-1005-01234-56-7', 'unknown', null, null, null],
    // Digits that are money and an order all the same.
    ['ห้อง 305 ค่ะ เติมทรู 50 เบอร์ 0812345678', 'topup', '0812345678', 'TRUE', 50],
    ['เมื่อวาน 2 ทุ่มเติมไปแล้วรอบนึง วันนี้ขอเติมอีก ais 20 0891234567', 'topup', '0891234567', 'AIS', 20],
  ])('%s', (...row) => check(row));
});

describe('mixed Thai and English', () => {
  it.each<Row>([
    ['เติม true 100 บาท to 0812345678 please', 'topup', '0812345678', 'TRUE', 100],
    ['Please top up 0898765432 dtac 50 baht ค่ะ', 'topup', '0898765432', 'DTAC', 50],
    ['my mom ใช้ ais ค่ะ top up 100 to 0891234567', 'topup', '0891234567', 'AIS', 100],
    ['ais 100 บาท ASAP นะคะ 0861234567', 'topup', '0861234567', 'AIS', 100],
    ['can i top up 20 baht penguin sim 0923456789', 'topup', '0923456789', 'PENGUIN', 20],
    ['top up for my son 0812345678 true 300', 'topup', '0812345678', 'TRUE', 300],
    ['recharge dtac 0898765432 for 150 baht na ka', 'topup', '0898765432', 'DTAC', 150],
    ['has my order arrived yet', 'status', null, null, null],
    ['how do i pay', 'help', null, null, null],
    ['cancel ค่ะ ไม่เอาแล้ว', 'cancel', null, null, null],
    // English that is not an order.
    ['is it true that you close on sunday', 'unknown', null, null, null],
    ['my cat is sick today', 'unknown', null, null, null],
  ])('%s', (...row) => check(row));
});

describe('typos and held letters', () => {
  it.each<Row>([
    ['เติมเงินนน 50 บาทค่าาา 0812345678 ทรูค่ะะ', 'topup', '0812345678', 'TRUE', 50],
    ['ขอเตืมเงิน ดีเเทค 100 ค้าบบบ', 'topup', null, 'DTAC', 100],
    ['เช็คสถานะหน่อยยยย', 'status', null, null, null],
    ['ยกเลิกกก ไม่เอาแล้วววว', 'cancel', null, null, null],
    ['ยังไม่เข้าาาา', 'status', null, null, null],
    ['เอไอเอศ 50 0812345678', 'topup', '0812345678', 'AIS', 50],
    ['ทรุ 100 0898765432', 'topup', '0898765432', 'TRUE', 100],
    ['เติ้มเงินให้หน่อย 0812345678 ais 20', 'topup', '0812345678', 'AIS', 20],
    ['TOPUPPP 0861234567 DTACCC 50', 'topup', '0861234567', 'DTAC', 50],
    ['thankssss', 'unknown', null, null, null],
    ['okkk', 'unknown', null, null, null],
    ['555555 ขำมากกก', 'unknown', null, null, null],
  ])('%s', (...row) => check(row));
});

describe('regional words', () => {
  it.each<Row>([
    ['เติมเงินให้แน่เด้อ ทรู ฮ้อยบาท 0812345678', 'topup', '0812345678', 'TRUE', 100],
    ['เติมหื้อแหน่ ดีแทค ซาวบาท เบอร์ 0861234567 เจ้า', 'topup', '0861234567', 'DTAC', 20],
    ['เติมซาวห้าบาท ทรู', 'topup', null, 'TRUE', 25],
    ['บ่เข้าเลยเด้อ', 'status', null, null, null],
    ['เข้าแล้วบ่', 'status', null, null, null],
    ['ยังบ่ได้รับเลยเจ้า', 'status', null, null, null],
    ['เติมได้บ่ ดีแทค 50', 'topup', null, 'DTAC', 50],
    ['จะเติมเงินหนิ ทรู 100 เบอร์ 0898765432', 'topup', '0898765432', 'TRUE', 100],
    ['เงินไม่เข้าหนิ ทำไงดี', 'status', null, null, null],
    ['ไม่เอาแล้วหนิ', 'cancel', null, null, null],
    ['ขอบใจเด้อ', 'unknown', null, null, null],
    ['แม่นแล้วเจ้า', 'unknown', null, null, null],
  ])('%s', (...row) => check(row));
});

describe('romanised Thai', () => {
  it.each<Row>([
    ['tem ngern 100 true 0812345678 ka', 'topup', '0812345678', 'TRUE', 100],
    ['term dtac 50 krub', 'topup', null, 'DTAC', 50],
    ['tem ais 20 0891234567 na', 'topup', '0891234567', 'AIS', 20],
    ['khao rue yang ka', 'status', null, null, null],
    ['yok lerk krub', 'cancel', null, null, null],
    ['mai ao laew ka', 'cancel', null, null, null],
    ['tham yang ngai ka', 'help', null, null, null],
    ['kob kun ka', 'unknown', null, null, null],
  ])('%s', (...row) => check(row));
});

describe('counter shorthand', () => {
  it.each<Row>([
    ['ทรู/50/0812345678', 'topup', '0812345678', 'TRUE', 50],
    ['0898765432/dtac/100', 'topup', '0898765432', 'DTAC', 100],
    ['AIS-20-0861234567', 'topup', '0861234567', 'AIS', 20],
    ['0812345678 ทรู 100.-', 'topup', '0812345678', 'TRUE', 100],
    ['เบอร์:0812345678 ค่าย:ทรู ยอด:100', 'topup', '0812345678', 'TRUE', 100],
    ['0812345678,ais,50', 'topup', '0812345678', 'AIS', 50],
    ['dtac 0898765432 x1 50฿', 'topup', '0898765432', 'DTAC', 50],
    // Shorthand that is not an order: a date and a time.
    ['12/05/2567 14:30', 'unknown', null, null, null],
  ])('%s', (...row) => check(row));
});

describe('numbers read out digit by digit', () => {
  it.each<Row>([
    ['ศูนย์แปดหนึ่ง สองสามสี่ ห้าหกเจ็ดแปด เติมทรูห้าสิบ', 'topup', '0812345678', 'TRUE', 50],
    ['เบอร์ ศูนย์ เก้า สอง สาม สี่ ห้า หก เจ็ด แปด เก้า ค่ะ', 'topup', '0923456789', null, null],
    ['zero nine eight seven six five four three two one', 'topup', '0987654321', null, null],
    ['ศูนย์แปดเก้าแปดเจ็ดหกห้าสี่สามสอง ดีแทค ร้อยบาท', 'topup', '0898765432', 'DTAC', 100],
    ['081 สอง สาม สี่ 5678 ทรู 20', 'topup', '0812345678', 'TRUE', 20],
    // Counting and number words that are not a phone number.
    ['หนึ่ง สอง สาม สี่ ห้า', 'unknown', null, null, null],
    ['สองสามวันก่อน', 'unknown', null, null, null],
  ])('%s', (...row) => check(row));
});
