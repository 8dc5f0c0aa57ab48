"""Wordings of each event type, written from EVENTS.md's definitions and the ways reporters tell such acts,
through the real pipeline (slow: it loads the spaCy model). Each sentence gets the source line that real
reports end with; the types found must be the required ones plus, at most, the optional ones."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.pipeline.doc import Doc
from kirok.pipeline.registry import build_pipeline
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings

pytestmark = pytest.mark.slow

WORDINGS = [
    ("arrest", "", "Police hauled the two traders off to the station in the middle of the night."),
    ("arrest", "", "Security agents picked up a woman at the bus terminal in Hyesan last week."),
    ("arrest", "", "The teacher was taken into custody by state security officers after the lesson."),
    ("arrest", "", "Agents seized the smuggler as he stepped off the train."),
    ("arrest", "", "The couple ended up in the hands of the security department on Friday."),
    ("arrest", "", "A dozen students were rounded up after the concert."),
    ("arrest", "", "He was nabbed by a border patrol near the river."),
    ("arrest", "", "The arrests of three traders in Hyesan last week have frightened the market."),
    ("arrest", "", "Officers came to her house at dawn and took her away."),
    ("arrest", "", "Police detained a man in his forties for selling South Korean films."),
    ("arrest", "", "Two women were apprehended at a checkpoint outside Musan."),
    ("arrest", "", "The broker was caught red-handed handing over money."),
    ("detention", "", "The men have been held at the county police station since then."),
    ("detention", "", "She spent three weeks in a holding cell at the security department."),
    ("detention", "", "He remains in a detention centre in Sinuiju."),
    ("detention", "", "The detainees are being interrogated at the provincial security bureau."),
    ("detention", "", "They were locked up in the basement of the police station for ten days."),
    ("detention", "", "He was kept in solitary confinement for a month."),
    ("ill_treatment", "", "Guards beat him with sticks during interrogation."),
    ("ill_treatment", "", "She was tortured while in custody."),
    ("ill_treatment", "", "Detainees were forced to sit motionless for hours and denied food."),
    ("ill_treatment", "", "Inmates at the camp were deprived of sleep for days."),
    ("ill_treatment", "", "He was subjected to brutal treatment by interrogators."),
    ("ill_treatment", "", "The prisoner died of malnutrition at the labour camp."),
    ("ill_treatment", "", "Interrogators made her stand in freezing water."),
    ("sentence", "", "The court handed him a ten-year term in a kyohwaso."),
    ("sentence", "", "She was given five years of reform through labour."),
    ("sentence", "", "The man was sent to a political prison camp."),
    ("sentence", "", "They were ordered to serve six months in a labour-training brigade."),
    ("sentence", "", "A family of four was banished to a remote village in Ryanggang Province."),
    ("sentence", "", "He was jailed for eight years for smuggling."),
    ("sentence", "", "The woman got three years in prison."),
    ("sentence", "", "The three were condemned to life imprisonment."),
    ("sentence", "", "The trader was sentenced to 15 years of hard labour."),
    ("execution", "", "The man was executed by firing squad in front of a crowd."),
    ("execution", "", "Two smugglers were publicly shot at the riverside."),
    ("execution", "", "Authorities put the official to death for corruption."),
    ("execution", "", "The former manager faced a firing squad at the airfield."),
    ("execution", "", "He was hanged in front of the workers."),
    ("forced_repatriation", "", "Chinese police sent the group back to North Korea across the bridge."),
    ("forced_repatriation", "", "The women were repatriated by China last month."),
    (
        "forced_repatriation",
        "",
        "The defector was handed over to North Korean authorities by Chinese police.",
    ),
    ("forced_repatriation", "", "Russia deported the workers to North Korea."),
    ("forced_repatriation", "", "Chinese authorities returned 50 North Koreans to the North."),
    ("forced_repatriation", "", "She was forcibly returned from China in March."),
    ("forced_labor", "", "Residents were mobilised to build the road."),
    ("forced_labor", "", "Students were forced to work on the farms without pay."),
    ("forced_labor", "", "Every household had to send one person to work on the dam."),
    ("forced_labor", "", "Middle school pupils were sent to plant rice for two weeks."),
    ("forced_labor", "", "Prisoners are made to cut timber in the mountains."),
    ("escape", "", "Three soldiers crossed the Tumen River into China."),
    ("escape", "", "A family fled the country by boat."),
    ("escape", "", "The woman defected to South Korea."),
    ("escape", "", "A young man escaped across the border."),
    ("escape", "", "The fishermen sailed south across the Northern Limit Line."),
    ("crackdown", "", "Police launched a crackdown on mobile phone use."),
    ("crackdown", "", "Inspection teams raided markets in Hyesan."),
    ("crackdown", "", "A special task force searched homes for foreign videos."),
    ("crackdown", "", "Authorities intensified controls on smuggling in the border area."),
    ("crackdown", "", "Patrols stopped young people in the streets to check their phones."),
    ("surveillance", "", "Security agents tapped the phones of families with relatives abroad."),
    ("surveillance", "", "The family of the defector has been placed under surveillance."),
    ("surveillance", "", "Inminban heads were told to report visitors to the police."),
    ("surveillance", "", "Agents follow the family wherever they go."),
    ("surveillance", "", "Detection vans tracked calls to China."),
    ("movement_restriction", "", "Authorities sealed off the city."),
    ("movement_restriction", "", "Residents are barred from leaving their villages."),
    ("movement_restriction", "", "Travel between provinces now requires a permit."),
    ("movement_restriction", "", "A curfew was imposed on the border towns."),
    (
        "movement_restriction",
        "",
        "Anyone approaching the river without leave is shot on sight; the area is now a buffer zone.",
    ),
    ("directive", "", "The Central Committee issued an order banning foreign clothing."),
    ("directive", "", "The party instructed all factories to submit lists of absent workers."),
    ("directive", "", "An order came down requiring all households to surrender their radios."),
    ("directive", "", "The ministry told all schools to hold extra ideology lessons."),
    ("meeting", "", "A public trial was held at the stadium."),
    ("meeting", "", "Residents were summoned to a lecture on anti-socialist behaviour."),
    ("meeting", "", "The party held a meeting of cadres in the county."),
    ("meeting", "", "Workers were made to attend an ideological study session."),
    ("", "", "Rice prices rose to 6,000 won per kilogram in Hyesan markets."),
    ("", "", "Anyone caught crossing the border will face at least three years in prison."),
    ("", "", "The authorities denied that anyone had been arrested."),
    ("", "", "If the smugglers are caught, they could be sent to a camp."),
    ("arrest", "", "The manager was hauled in by the economic police over missing fuel."),
    ("arrest", "", "Security officials arrested her at her workplace."),
    ("arrest", "", "The man was taken away by agents of the Ministry of State Security."),
    ("arrest", "", "Police burst into the house and led the brothers away in handcuffs."),
    ("arrest", "", "Five people were detained in connection with the case."),
    ("arrest", "", "A student was caught watching a South Korean drama on his phone."),
    ("arrest", "", "The smugglers were caught by border guards as they reached the riverbank."),
    ("arrest", "", "Agents came for him at midnight."),
    ("arrest", "", "She has been in police hands since her arrest in March."),
    ("detention", "", "The woman is still being held by the provincial security department."),
    ("detention", "", "He was thrown into a holding cell at the police station."),
    ("detention", "", "The family spent two months in a detention facility."),
    ("detention", "", "The repatriated women are being held in the Onsong jipkyulso."),
    ("detention", "", "The suspects were kept in cells at the security department for questioning."),
    ("ill_treatment", "", "Guards kicked and punched the detainees."),
    ("ill_treatment", "", "He came out of the cell with broken ribs after repeated beatings."),
    ("ill_treatment", "", "The women were sexually abused by guards at the holding centre."),
    ("ill_treatment", "", "Several detainees died of hunger and disease in the centre."),
    ("ill_treatment", "", "Interrogators clubbed him until he lost consciousness."),
    ("sentence", "", "A court in Hyesan sentenced the three smugglers to between five and ten years."),
    ("sentence", "", "He received a 12-year prison term."),
    ("sentence", "", "The family was exiled to a mountain village."),
    ("sentence", "", "She was sent to a labour-training brigade for six months."),
    ("sentence", "", "The two men were given life sentences."),
    ("sentence", "", "The trader was fined 500,000 won."),
    ("sentence", "", "The official was dismissed and sent to a kwalliso with his family."),
    ("execution", "", "The two were executed in front of residents."),
    ("execution", "", "A soldier was shot dead by a firing squad."),
    ("execution", "", "The authorities carried out a public execution in Hyesan."),
    (
        "execution",
        "directive,sentence",
        "The court ordered the execution of the broker, and he was shot the next day.",
    ),
    ("forced_repatriation", "", "The North Korean women were deported from China."),
    ("forced_repatriation", "", "Chinese police handed the family over to the North."),
    ("forced_repatriation", "", "The workers were sent home from Russia under guard."),
    ("forced_repatriation", "", "China repatriated more than 500 North Koreans in October."),
    ("arrest,forced_repatriation", "", "The escapees were caught in Yunnan and returned to North Korea."),
    ("forced_labor", "", "Students were drafted into road construction."),
    ("forced_labor", "directive", "Housewives were ordered out to clear snow from the roads."),
    ("forced_labor", "", "The authorities mobilized farmers for the rice-planting campaign."),
    ("forced_labor", "", "Residents had to contribute labour to build the new apartments."),
    ("forced_labor", "", "Soldiers were deployed to the flood zone to rebuild houses."),
    ("escape", "", "The couple made their way across the river into China."),
    ("escape", "", "Two fishermen defected to the South by boat."),
    ("escape", "", "A soldier deserted his post and crossed into China."),
    ("escape", "", "The family escaped to China last year."),
    ("escape", "", "A young woman swam across the Yalu River."),
    ("crackdown", "", "Police have been cracking down on traders selling Chinese goods."),
    ("crackdown", "", "Inspectors confiscated mobile phones from students."),
    ("crackdown", "", "A joint inspection team swept through the market."),
    ("crackdown", "", "Security forces conducted house-to-house searches in Hyesan."),
    ("crackdown", "", "The authorities launched a campaign against anti-socialist behaviour."),
    ("surveillance", "", "Agents are monitoring calls made from the border area."),
    ("surveillance", "", "The authorities installed surveillance cameras at the market entrance."),
    ("surveillance", "", "The inminban head keeps a watch on the families of defectors."),
    ("surveillance", "", "The families were put on a watch list."),
    ("surveillance", "", "Informants were planted in the dormitories."),
    ("movement_restriction", "", "The authorities closed the border to all traffic."),
    ("movement_restriction", "", "The riverbank has been declared off-limits to residents."),
    ("movement_restriction", "directive", "Guards have orders to shoot anyone who approaches the border."),
    ("movement_restriction", "", "The city was put under lockdown."),
    ("directive", "", "The Central Committee handed down a directive on foreign currency."),
    ("directive", "", "Party officials ordered all residents to hand in their radios."),
    ("directive", "", "A new decree bans the use of South Korean slang."),
    ("directive", "crackdown", "The authorities issued instructions to tighten control over markets."),
    ("meeting", "", "The county held a mass rally to denounce the defectors."),
    ("meeting", "", "Residents were called to a meeting where the rules were read out."),
    ("meeting", "", "A criticism session was held at the factory."),
    ("meeting", "", "The trial was held in front of 5,000 people at the stadium."),
    ("", "", "The price of corn fell to 2,500 won per kilogram."),
    ("", "", "State media praised the workers for their devotion to the leader."),
    ("", "", "Residents fear they could be arrested if they are caught with foreign currency."),
    ("", "", "The source said he did not know whether anyone had been punished."),
    ("", "", "Heavy rains damaged the maize crop in the county."),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline(Settings())


def _types(field: str) -> set[str]:
    return {t for t in field.split(",") if t}


@pytest.mark.parametrize(("required", "optional", "sentence"), WORDINGS)
def test_wording_gives_its_event_types(
    pipeline: Pipeline, required: str, optional: str, sentence: str
) -> None:
    text = f"Report\n\n{sentence[:-1]}, a source in Ryanggang Province said on Monday."
    (doc,) = pipeline.pipe([Doc(text=text, published=date(2024, 5, 15))])
    found = {e.type.value for e in doc.events}
    assert _types(required) <= found
    assert found <= _types(required) | _types(optional)
