"""The F1 help text (Turkish source; English in the translation file)."""

from .i18n import tr


def help_html() -> str:
    return tr("""<h3>Faaliyet — birim veri girişi</h3>
<p><b>Kaydetmek gerekmez.</b> Bir alandan çıktığınızda ya da Enter'a bastığınızda yazdığınız değer
dosyaya kaydedilir; metin alanları yazmaya kısa bir ara verdiğinizde de. Program kapanırken bir şey sormaz.</p>
<ul>
<li><b>Sayılar</b> Türkçe yazılır: ondalık ayırıcı virgül, binlik ayırıcı nokta (150.000 yüz elli bindir;
1.234.567,89). Noktadan sonra üç rakamdan farklı sayıda rakam gelirse nokta ondalık sayılır (12.5 = 12,5).
Alanın altında programın ne okuduğu yazar (= 150.000,00 TL); değer alandan çıkınca kaydedilir. Okunamayan bir
değer kırmızı işaretlenir, nedeni alanın altında kırmızı yazar; başka bir sayıya dönüştürülmez.
Yazdığınız kaybolmaz da: dosyada saklanır, dosya yeniden açılınca yine kırmızı görünür. Düzeltin ya da silin;
düzeltilmeden dosya gönderilemez.</li>
<li><b>Tarihler</b> gün.ay.yıl: 31.12.2020.</li>
<li><b>Tablolar:</b> Enter aşağı, Tab sağa, oklar hücreler arasında gezer. Yazmaya başlayınca hücre düzenlenir.
Gri hücreler (toplamlar, formüller) hesaplanır. Excel'den kopyaladığınız bir bloğu Ctrl+V ile yapıştırabilirsiniz;
Türkçe ya da İngilizce sayı biçimi kendiliğinden tanınır. Delete seçili hücreleri siler.</li>
<li><b>Göstergeler:</b> gerçekleşen değeri, kaynağını ve hedeften sapmanın açıklamasını girin. Açıklaması
zorunlu olanlar kırmızı işaretlenir.</li>
<li><b>Denetim</b> panelindeki bir satıra tıklayınca ilgili alana gidilir. Hatalar düzeltilmeden dosya gönderilemez.</li>
<li><b>Gönderme:</b> "Gönder…" dosyayı denetler, gönderildi olarak işaretler ve temiz kopyasını seçtiğiniz yere
(USB bellek, ağ klasörü) yazar; hata varken gönderilmez. Göndermeden yazılan kopyanın adında -TASLAK olur.
Değişiklik gerekirse Dosya → "Gönderimi geri al…" ile gerekçe yazın. Strateji Geliştirme dosyayı notla geri
gönderirse gelen .geri.json dosyasını Dosya → "Geri gönderme notunu aç…" ile açın ya da pencereye bırakın.</li>
</ul>
<p><b>Kısayollar:</b> Ctrl+Z geri al · Ctrl+Y ya da Ctrl+Shift+Z yinele · Ctrl+F alan bul · Ctrl+O dosya aç · F1 yardım</p>
""") + tr("""<p><b>Geçen yıl:</b> dosya geçen yılın değerlerini taşıyorsa her alanın ve göstergenin yanında gri
"Geçen yıl (…)" satırı görünür; tablolarda hücrenin ipucunda yazar, tablonun üstündeki kutu işaretlenince
hücrelerde gri ikinci satır olarak görünür. Bu değerler değiştirilemez. Bir değer geçen yılınkinden çok farklıysa
(ör. on katı) yazım hatası olabileceği için uyarı verilir.</p>
""")
