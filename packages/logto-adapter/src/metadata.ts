import type { ConnectorMetadata } from '@logto/connector-kit';
import { formItems } from './form-items.js';

/**
 * The connector's metadata. `id` and `target` are those of Logto's official Aliyun SMS connector,
 * so that a tenant's stored connector (found by id) keeps its config after the swap.
 */
export const metadata: ConnectorMetadata = {
  id: 'aliyun-short-message-service',
  target: 'aliyun-sms',
  platform: null,
  name: {
    en: 'Aliyun Short Message Service (smskit)',
    'zh-CN': '阿里云短信服务（smskit）',
    'zh-TW': '阿里雲簡訊服務（smskit）',
    ja: 'Aliyun ショートメッセージサービス（smskit）',
    ko: 'Aliyun 단문 메시지 서비스 (smskit)',
    'tr-TR': 'Aliyun SMS Servisi (smskit)',
  },
  logo: './logo.svg',
  logoDark: null,
  description: {
    en: 'Send verification codes by SMS through Alibaba Cloud (Aliyun) Short Message Service, with separate mainland China and international signatures.',
    'zh-CN': '通过阿里云短信服务发送短信验证码，支持中国大陆与国际/港澳台分别使用不同的签名。',
    'zh-TW': '透過阿里雲簡訊服務傳送簡訊驗證碼，支援中國大陸與國際/港澳台分別使用不同的簽名。',
    ja: 'Alibaba Cloud（Aliyun）ショートメッセージサービスで SMS 認証コードを送信します。中国本土と国際向けに別々の署名を使えます。',
    ko: 'Alibaba Cloud(Aliyun) 단문 메시지 서비스로 SMS 인증 코드를 보냅니다. 중국 본토와 국제용 서명을 따로 쓸 수 있습니다.',
    'tr-TR':
      'Alibaba Cloud (Aliyun) SMS servisi ile doğrulama kodlarını SMS olarak gönderin; Çin anakarası ve uluslararası için ayrı imzalar kullanılabilir.',
  },
  readme: './README.md',
  formItems,
};
