using CxApi.Common.Privacy;

namespace CxApi.Tests.Unit;

/// <summary>Redaction on ingest: what is masked in real-looking comments, and what must stay exactly as written.</summary>
public sealed class TextRedactorTests
{
    [Theory]
    // e-mail addresses
    [InlineData("Please email me at john.smith@example.com about the refund.", "Please email me at [email] about the refund.")]
    [InlineData("Reply to jane_doe+cx@mail.example.co.uk, not to support.", "Reply to [email], not to support.")]
    [InlineData("Meine E-Mail: jürgen.müller@beispiel.de", "Meine E-Mail: [email]")]
    [InlineData("Écrivez à marie.dupont@exemple.fr.", "Écrivez à [email].")]
    [InlineData("メールはtaro.yamada@example.co.jpまでお願いします", "メールは[email]までお願いします")]
    // phone numbers
    [InlineData("My number is +44 20 7946 0958, thanks", "My number is [phone], thanks")]
    [InlineData("Call me on (555) 123-4567 after 5pm.", "Call me on [phone] after 5pm.")]
    [InlineData("Call me at +1 (555) 123-4567 today", "Call me at [phone] today")]
    [InlineData("or 555-123-4567", "or [phone]")]
    [InlineData("Bitte rufen Sie mich unter +49 30 123456 an.", "Bitte rufen Sie mich unter [phone] an.")]
    [InlineData("Bitte Rückruf: +49 (0)30 1234567", "Bitte Rückruf: [phone]")]
    [InlineData("Tel. 030 12345678 oder 0171/2345678", "Tel. [phone] oder [phone]")]
    [InlineData("Appelez-moi au 06 12 34 56 78 svp", "Appelez-moi au [phone] svp")]
    [InlineData("Mon numéro : 06.12.34.56.78.", "Mon numéro : [phone].")]
    [InlineData("Meu celular é (11) 91234-5678", "Meu celular é [phone]")]
    [InlineData("WhatsApp +55 11 91234-5678 à noite", "WhatsApp [phone] à noite")]
    [InlineData("電話は090-1234-5678です。", "電話は[phone]です。")]
    [InlineData("東京オフィス 03-1234-5678 まで", "東京オフィス [phone] まで")]
    [InlineData("UK office 020 7946 0958", "UK office [phone]")]
    // card numbers that pass the Luhn check
    [InlineData("My card 4111 1111 1111 1111 was charged twice", "My card [card] was charged twice")]
    [InlineData("Karte 5555-5555-5555-4444 doppelt belastet", "Karte [card] doppelt belastet")]
    [InlineData("Amex 378282246310005 (expired)", "Amex [card] (expired)")]
    [InlineData("old visa 4222222222222.", "old visa [card].")]
    [InlineData("Discover 6011111111111117", "Discover [card]")]
    [InlineData("Order 2026 4111 1111 1111 1111", "Order 2026 [card]")]
    public void PersonalDataIsMasked(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData(
        "Hi, I was charged twice on card 4111-1111-1111-1111 for order #100234 (v2.14.3 app). Call me at +1 (555) 123-4567 or mail " +
        "jane_doe+cx@example.com before 2026-11-19 14:30.",
        "Hi, I was charged twice on card [card] for order #100234 (v2.14.3 app). Call me at [phone] or mail [email] before 2026-11-19 14:30.")]
    [InlineData(
        "Hallo, bitte schreiben Sie an service@firma.de oder rufen Sie 0171 2345678 an. Meine Karte 5555 5555 5555 4444 wurde doppelt " +
        "belastet (Bestellung ORD-2026-11-19-0042 vom 19.11.2026, 1.299,00 €).",
        "Hallo, bitte schreiben Sie an [email] oder rufen Sie [phone] an. Meine Karte [card] wurde doppelt belastet (Bestellung " +
        "ORD-2026-11-19-0042 vom 19.11.2026, 1.299,00 €).")]
    [InlineData(
        "Bonjour, je suis joignable au 06 12 34 56 78 ou par mail : claire.martin@exemple.fr. Commande n° 100234 du 19/11/2026, payée 1 299,00 €.",
        "Bonjour, je suis joignable au [phone] ou par mail : [email]. Commande n° 100234 du 19/11/2026, payée 1 299,00 €.")]
    [InlineData(
        "Olá, meu telefone é (11) 91234-5678 e o e-mail é joao.silva@exemplo.com.br. Pedido #100234, valor R$ 1.299,90, versão 10.0.1.",
        "Olá, meu telefone é [phone] e o e-mail é [email]. Pedido #100234, valor R$ 1.299,90, versão 10.0.1.")]
    [InlineData(
        "お世話になっております。注文番号100234の件で、090-1234-5678またはhanako.sato@example.co.jpまでご連絡ください。2026年11月19日",
        "お世話になっております。注文番号100234の件で、[phone]または[email]までご連絡ください。2026年11月19日")]
    public void RealLookingCommentsKeepEverythingButThePersonalData(string text, string expected) =>
        Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("Order #100234 arrived late")]
    [InlineData("Ref ORD-2026-11-19-0042 is still open")]
    [InlineData("Updated to v2.14.3 yesterday, the server runs 10.0.1")]
    [InlineData("Release 2026.11.19-3 broke the checkout")]
    [InlineData("Delivered on 2026-11-19 at 14:30")]
    [InlineData("Geliefert am 19.11.2026 um 14:30:15 Uhr")]
    [InlineData("Livré le 19/11/2026 à 14h30")]
    [InlineData("am 01 12 2026 bestellt")]
    [InlineData("due 01-12-2026")]
    [InlineData("Prices: $1,299.99, €1.299,00, R$ 1.299,90, ¥12,800, 1 299,00 €")]
    [InlineData("Card 4111 1111 1111 1112 was declined")]
    [InlineData("Tracking 1234567812345678 shows nothing")]
    [InlineData("ISBN 978-3-16-148410-0")]
    [InlineData("id 1234567890123 and 12345678901234")]
    [InlineData("Room 101, floor 3, 42 items, 7 days, NPS 9, score 10/10")]
    [InlineData("Ticket T-9911 reopened, Bestellnummer 4711-0815")]
    [InlineData("IP 192.168.100.1 timed out")]
    [InlineData("open 9-17 h, 2019-2026, zip 90210-1234")]
    [InlineData("Pedido nº 123456 de 19/11/2026")]
    [InlineData("注文番号は100234です。2026年11月19日に届きました")]
    [InlineData("Great support, thanks! 👍")]
    [InlineData("not an address: user@localhost, @handle, a@b")]
    public void TextWithoutPersonalDataIsLeftExactlyAsWritten(string text) => Assert.Same(text, TextRedactor.Redact(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NothingStaysNothing(string? text) => Assert.Equal(text, TextRedactor.Redact(text));

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    public void LuhnIsTheModTenCheckOfCardNumbers(string digits, bool valid) => Assert.Equal(valid, TextRedactor.Luhn(digits));

    [Fact]
    public void MaskingTwiceChangesNothingMore()
    {
        var once = TextRedactor.Redact("a@example.com, +44 20 7946 0958, 4111 1111 1111 1111")!;
        Assert.Same(once, TextRedactor.Redact(once));
    }
}
