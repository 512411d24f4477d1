// PriceList: every kind of call is priced from the registry document (the built-in
// resources/models.json and a user's override); local is free; an unknown price is empty with
// the reason, never a guess.
#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "providers/backend_factory.h"
#include "providers/model_registry.h"
#include "providers/price_list.h"
#include "providers/provider_error.h"

using namespace sw::providers;

namespace {

ModelRegistry builtin() { return ModelRegistry::load(QString()); }

QJsonObject builtinDocument() {
  QFile file(QString::fromLatin1(ModelRegistry::kBuiltinPath));
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  return QJsonDocument::fromJson(file.readAll()).object();
}

TEST(PriceList, TheBuiltInRegistryPricesEveryKindOfCallOfItsCloudBackends) {
  const ModelRegistry registry = builtin();
  const PriceList& prices = registry.prices();
  for (const char* speech : {"openai", "elevenlabs", "replicate"}) {
    const auto usd = prices.speech(QString::fromLatin1(speech), 1000);
    ASSERT_TRUE(usd.has_value()) << speech;
    EXPECT_GT(*usd, 0.0) << speech;
    // Per 1,000 characters: twice the text, twice the price.
    EXPECT_NEAR(*prices.speech(QString::fromLatin1(speech), 2000), 2 * *usd, 1e-12) << speech;
  }
  ASSERT_TRUE(prices.music(QStringLiteral("replicate"), 10.0));
  EXPECT_NEAR(*prices.music(QStringLiteral("replicate"), 10.0),
              10 * *prices.music(QStringLiteral("replicate"), 1.0), 1e-12);
  ASSERT_TRUE(prices.image(QStringLiteral("replicate")));
  EXPECT_GT(*prices.image(QStringLiteral("replicate")), 0.0);
  // Every stated price says whether it was checked against the service's own page.
  const ServicePrice* eleven = prices.find(QStringLiteral("speech"), QStringLiteral("elevenlabs"));
  ASSERT_NE(eleven, nullptr);
  EXPECT_FALSE(eleven->source.isEmpty());
  const ModelEntry& hailuo = registry.model(QStringLiteral("hailuo"));
  EXPECT_TRUE(hailuo.raw.contains(QStringLiteral("price_verified")));
  EXPECT_NEAR(*prices.videoCall(hailuo, 6.0), hailuo.costPerCall, 1e-12);  // per chunk
}

TEST(PriceList, LocalIsFreeForEveryKind) {
  const ModelRegistry registry = builtin();
  const PriceList& prices = registry.prices();
  const PriceList empty = PriceList::fromJson({}, QStringLiteral("test"));
  for (const PriceList* p : {&prices, &empty}) {
    EXPECT_EQ(*p->speech(QStringLiteral("local"), 5000), 0.0);
    EXPECT_EQ(*p->music(QStringLiteral("local"), 30.0), 0.0);
    EXPECT_EQ(*p->image(QStringLiteral("local")), 0.0);
    EXPECT_EQ(*p->sfx(QStringLiteral("local"), 2.0), 0.0);
    EXPECT_EQ(*p->videoCall(registry.model(QStringLiteral("local")), 5.0), 0.0);
  }
}

TEST(PriceList, PerSecondVideoAndCombinedRatesFromAnOverride) {
  QJsonObject perSecond = builtin().model(QStringLiteral("hailuo")).raw;
  perSecond.insert(QStringLiteral("cost_per_second"), 0.05);
  const ModelEntry entry =
      modelEntryFromJson(QStringLiteral("veo"), perSecond, QStringLiteral("t"));
  const PriceList prices = PriceList::fromJson(
      QJsonObject{{"sfx", QJsonObject{{"acme", QJsonObject{{"usd_per_call", 0.02},
                                                           {"usd_per_second", 0.01}}}}}},
      QStringLiteral("test"));
  EXPECT_NEAR(*prices.videoCall(entry, 6.0), 0.30, 1e-12);
  EXPECT_NEAR(*prices.sfx(QStringLiteral("acme"), 3.0), 0.05, 1e-12);
}

TEST(PriceList, UnknownPricesAreEmptyWithTheReason) {
  const ModelRegistry registry = builtin();
  QString why;
  EXPECT_FALSE(registry.prices().speech(QStringLiteral("acme-tts"), 100, &why).has_value());
  EXPECT_TRUE(why.contains(QStringLiteral("acme-tts"))) << why.toStdString();
  EXPECT_TRUE(why.contains(QStringLiteral("speech"))) << why.toStdString();
  const PriceList noRate = PriceList::fromJson(
      QJsonObject{{"music", QJsonObject{{"acme", QJsonObject{{"verified", false}}}}}},
      QStringLiteral("test"));
  why.clear();
  EXPECT_FALSE(noRate.music(QStringLiteral("acme"), 5.0, &why).has_value());
  EXPECT_TRUE(why.contains(QStringLiteral("no rate"))) << why.toStdString();
}

TEST(PriceList, ANegativeOrNonNumericRateIsRefusedNamingTheFile) {
  try {
    PriceList::fromJson(
        QJsonObject{{"speech", QJsonObject{{"acme", QJsonObject{{"usd_per_1k_characters", -1}}}}}},
        QStringLiteral("/tmp/models.json"));
    FAIL() << "a negative price was accepted";
  } catch (const ProviderError& e) {
    EXPECT_TRUE(e.message().contains(QStringLiteral("/tmp/models.json")));
    EXPECT_TRUE(e.message().contains(QStringLiteral("acme")));
  }
  EXPECT_THROW(
      PriceList::fromJson(
          QJsonObject{{"image", QJsonObject{{"acme", QJsonObject{{"usd_per_call", "cheap"}}}}}},
          QStringLiteral("t")),
      ProviderError);
}

TEST(PriceList, CloudBackendsReserveWhatTheRegistryPrices) {
  QJsonObject document = builtinDocument();
  QJsonObject services = document.value(QStringLiteral("services")).toObject();
  services.insert(QStringLiteral("speech"),
                  QJsonObject{{"openai", QJsonObject{{"usd_per_1k_characters", 2.0}}},
                              {"elevenlabs", QJsonObject{{"usd_per_1k_characters", 3.0}}},
                              {"replicate", QJsonObject{{"usd_per_1k_characters", 4.0}}}});
  services.insert(QStringLiteral("image"),
                  QJsonObject{{"replicate", QJsonObject{{"usd_per_call", 0.5}}}});
  services.insert(QStringLiteral("music"),
                  QJsonObject{{"replicate", QJsonObject{{"usd_per_second", 0.25}}}});
  document.insert(QStringLiteral("services"), services);
  auto registry = std::make_shared<const ModelRegistry>(
      ModelRegistry::fromJson(document, QStringLiteral("test")));
  const QJsonObject noKeychain{{"useKeychain", false}};
  const BackendFactory factory = makeBackendFactory(
      registry,
      QJsonObject{{"openai", noKeychain}, {"elevenlabs", noKeychain}, {"replicate", noKeychain}});
  SpeechRequest line;
  line.text = QString(500, QLatin1Char('a'));
  EXPECT_NEAR(factory.speech(QStringLiteral("openai"))->estimateCostUsd(line), 1.0, 1e-12);
  EXPECT_NEAR(factory.speech(QStringLiteral("elevenlabs"))->estimateCostUsd(line), 1.5, 1e-12);
  EXPECT_NEAR(factory.speech(QStringLiteral("replicate"))->estimateCostUsd(line), 2.0, 1e-12);
  EXPECT_NEAR(factory.image(QStringLiteral("replicate"))->estimateCostUsd(ImageRequest{}), 0.5,
              1e-12);
  MusicRequest music;
  music.duration = 8.0;
  EXPECT_NEAR(factory.music(QStringLiteral("replicate"))->estimateCostUsd(music), 2.0, 1e-12);
}

}  // namespace
