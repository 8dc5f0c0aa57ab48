"""Wordings of each event type, written from EVENTS.md's definitions and the ways reporters tell such acts,
through the real pipeline (slow: it loads the spaCy model). Each sentence gets the source line that real
reports end with; the types found must be the required ones plus, at most, the optional ones."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kirok.model import Event
from kirok.pipeline.doc import Doc
from kirok.pipeline.registry import build_pipeline
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings

pytestmark = pytest.mark.slow

ANNOTATED = Path(__file__).resolve().parents[1] / "annotated"

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
    ("arrest", "", "Agents came to their homes before dawn and took all three away in the same truck."),
    (
        "sentence",
        "",
        "Security officials loaded the three onto a truck and drove them to a cooperative farm in Kapsan.",
    ),
    ("", "", "He was so weak that he could barely climb onto the truck that took the three away."),
    ("arrest", "", "Police detained a man in his forties for selling South Korean films."),
    ("arrest", "", "Two women were apprehended at a checkpoint outside Musan."),
    ("arrest", "", "The broker was caught red-handed handing over money."),
    ("arrest", "", "Security officers caught up with her at a cousin's flat in the capital."),
    ("detention", "", "The men have been held at the county police station since then."),
    ("detention", "", "She spent three weeks in a holding cell at the security department."),
    ("detention", "", "He remains in a detention centre in Sinuiju."),
    ("detention", "", "The detainees are being interrogated at the provincial security bureau."),
    ("detention", "", "They were locked up in the basement of the police station for ten days."),
    ("detention", "", "He was kept in solitary confinement for a month."),
    (
        "detention",
        "",
        "Half of the group were moved in a closed truck to the provincial state security bureau.",
    ),
    ("ill_treatment", "", "Guards beat him with sticks during interrogation."),
    ("ill_treatment", "", "She was tortured while in custody."),
    ("ill_treatment", "", "Detainees were forced to sit motionless for hours and denied food."),
    ("ill_treatment", "", "Inmates at the camp were deprived of sleep for days."),
    ("ill_treatment", "", "He was subjected to brutal treatment by interrogators."),
    ("ill_treatment", "", "The prisoner died of malnutrition at the labour camp."),
    ("ill_treatment", "", "Interrogators made her stand in freezing water."),
    ("sentence", "arrest", "About a month after her arrest she was told she would serve two years."),
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
    ("forced_repatriation", "", "After weeks in a cell they were sent back across the Yalu on Sept. 26."),
    (
        "forced_repatriation",
        "",
        "The defector was handed over to North Korean authorities by Chinese police.",
    ),
    ("forced_repatriation", "", "Russia deported the workers to North Korea."),
    ("forced_repatriation", "", "Russian officials put them on a ship to Rajin port on April 24."),
    ("forced_repatriation", "", "The waitresses were put on a train under guard late last month."),
    ("forced_repatriation", "", "Chinese authorities returned 50 North Koreans to the North."),
    ("forced_repatriation", "", "She was forcibly returned from China in March."),
    ("forced_labor", "", "Residents were mobilised to build the road."),
    ("forced_labor", "", "Students were forced to work on the farms without pay."),
    ("forced_labor", "", "Every household had to send one person to work on the dam."),
    ("forced_labor", "", "Middle school pupils were sent to plant rice for two weeks."),
    ("forced_labor", "", "Prisoners are made to cut timber in the mountains."),
    (
        "forced_labor",
        "",
        "Students in Wonsan have been working on a housing project on the city's outskirts since Aug. 2.",
    ),
    (
        "escape",
        "",
        "The captain slipped out of the harbour one night with his family aboard a small trawler.",
    ),
    ("escape", "", "Three soldiers crossed the Tumen River into China."),
    (
        "movement_restriction",
        "",
        "Residents were told not to leave their apartment blocks until further notice.",
    ),
    ("forced_labor", "", "Students from the colleges were also sent to the sites for ten days."),
    ("escape", "", "A family fled the country by boat."),
    ("escape", "", "The woman defected to South Korea."),
    ("escape", "", "A logger working in Russia walked out of his camp in the taiga and has not been found."),
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
    ("movement_restriction", "", "The riverside itself has been closed to everyone else."),
    (
        "movement_restriction",
        "",
        "Residents of the districts along the river may no longer walk on the bank.",
    ),
    (
        "movement_restriction",
        "",
        "Since the inspections, fishing boats may not go more than 12 kilometres from shore.",
    ),
    ("movement_restriction", "", "The border unit closed the footpaths down to the water."),
    ("movement_restriction", "", "The regiment has strung a second line of barbed wire across the ice."),
    (
        "movement_restriction",
        "directive",
        "The authorities ordered the fleet to stay within sight of the coast.",
    ),
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
    ("", "", "The medicine had been ordered by a trader in Hoeryong, who has not been questioned."),
    ("", "", "Security officials insist no one in the centre was beaten."),
    (
        "detention",
        "crackdown",
        "The five soldiers have been confined to the unit's guardhouse since the inspection began.",
    ),
    (
        "arrest",
        "",
        "Agents arrested two officers for taking bribes to let smuggling boats cross the Yalu River.",
    ),
    (
        "",
        "movement_restriction",
        "Commanders collected the cards to stop them from slipping away to their towns.",
    ),
    (
        "sentence",
        "forced_labor",
        "Their wives were moved out of their housing near the river and sent to farms.",
    ),
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
    ("meeting", "", "Security officials gathered the heads of every neighbourhood unit in the district."),
    ("meeting", "", "The trial was held on a football pitch outside the town."),
    ("meeting", "", "The pupils were lined up in the square for a denunciation rally."),
    ("meeting", "", "At a lecture for railway workers on Friday, officials read out new rules."),
    ("ill_treatment", "", "The detainee had three fingers broken during questioning."),
    ("escape", "", "Her brother waded across at night with two neighbours."),
    ("forced_labor", "", "Villagers were ordered out to dig trenches along the road."),
    ("directive", "", "An instruction reached the county party committee in March."),
    ("directive", "", "A directive handed down by the cabinet set new quotas for the mines."),
    ("movement_restriction", "", "Nobody has been allowed within two kilometres of the river."),
    ("surveillance", "", "Neighbourhood heads walk from house to house writing down anyone who is away."),
    ("", "", "Since the border was closed, smuggling has almost stopped."),
    ("", "", "A boy fell from the scaffolding and broke his leg."),
    ("arrest", "", "Following the arrest of three traders in Hyesan last week, the market has been quiet."),
    (
        "arrest",
        "detention",
        "After his detention by the security department on Friday, he was questioned for days.",
    ),
    ("sentence", "", "The banishment of the Pak family to a remote farm shocked the neighbours."),
    ("execution", "", "News of the execution of a railway official in Kilju spread quickly."),
    (
        "forced_repatriation",
        "",
        "The repatriation of 40 women from China on Tuesday was confirmed by the source.",
    ),
    ("arrest", "", "Police got hold of the smuggler near the river on Sunday."),
    ("arrest", "", "The manager was placed under arrest on Monday."),
    ("arrest", "", "Security officers took the woman in for questioning on the 5th."),
    ("detention", "arrest", "The woman has been in custody since her arrest."),
    ("detention", "", "He is being held incommunicado at the state security department."),
    ("detention", "arrest", "The students have been detained at the county police station for two weeks."),
    ("ill_treatment", "detention", "He died under interrogation last month."),
    ("ill_treatment", "", "The guards struck him repeatedly with a rifle butt."),
    ("ill_treatment", "", "She was beaten unconscious by the interrogators."),
    ("ill_treatment", "", "Prisoners are routinely starved and beaten at the camp."),
    ("sentence", "", "He was sentenced to death."),
    ("sentence", "", "The court sentenced her to 10 years."),
    ("sentence", "", "A labour-training sentence of six months was handed down to the youth."),
    ("sentence", "", "He was stripped of his party membership and sent to a mine as a labourer."),
    ("sentence", "", "The family was deported to a remote mountain village in Ryanggang Province."),
    ("execution", "meeting", "The two men were executed by firing squad at a public trial."),
    ("execution", "", "The firing squad shot the official in front of his colleagues."),
    ("forced_repatriation", "", "The Chinese authorities deported the North Korean defectors on Wednesday."),
    ("forced_repatriation", "", "The woman was repatriated to North Korea on Monday."),
    ("forced_repatriation", "", "Twenty North Koreans caught in China were handed over at the Tumen bridge."),
    ("forced_labor", "", "High school students have been mobilized for the spring planting."),
    ("forced_labor", "", "Every household must send one person to the construction site each day."),
    ("forced_labor", "", "Factory workers were made to build the new road without pay."),
    ("escape", "", "A family of five escaped across the Yalu River on Saturday."),
    ("escape", "", "Two soldiers defected across the DMZ."),
    ("escape", "", "The woman fled to China in search of food."),
    ("escape", "", "He crossed into China illegally."),
    ("crackdown", "", "State security carried out a sweeping crackdown on cell phone users."),
    ("crackdown", "", "The 109 group raided homes searching for USB drives."),
    ("crackdown", "", "Police have been searching trains for smuggled goods."),
    ("crackdown", "", "The authorities launched an intensive inspection of markets."),
    ("surveillance", "", "The families of defectors are under constant surveillance."),
    ("surveillance", "", "Security agents have been eavesdropping on phone calls in the border area."),
    ("surveillance", "", "The inminban head was told to keep an eye on the family."),
    ("surveillance", "", "Officials monitor the movements of returnees."),
    ("movement_restriction", "", "Travel to the border area has been banned."),
    ("movement_restriction", "", "The authorities have closed the roads into the city."),
    ("movement_restriction", "", "A new fence was built along the Tumen River."),
    ("directive", "", "The party has ordered all citizens to report foreign broadcasts."),
    ("directive", "", "An instruction was issued to all factories to cut electricity use."),
    ("directive", "", "Kim Jong Un's order called for stronger border security."),
    ("directive", "", "The authorities decreed that all private trade must stop."),
    ("meeting", "", "A mass meeting was convened to denounce the smugglers."),
    ("meeting", "", "Officials convened an emergency meeting of party cadres."),
    ("meeting", "", "Students were forced to attend a lecture on the evils of capitalism."),
    ("meeting", "", "A public denunciation session was held at the factory."),
    ("", "", "A public trial is expected to be held next month."),
    ("", "", "The source said the smuggler may be executed."),
    ("", "", "Officials warned that anyone caught would be punished severely."),
    ("", "", "It is unclear whether the men were arrested."),
    ("", "", "Rice sold for 5,500 won per kilogram at the Hyesan market."),
    ("forced_labor", "", "The pupils were marched out under guard to weed the maize fields."),
    ("forced_labor", "", "Soldiers marched the villagers to the dam to fill sandbags."),
    ("forced_labor", "", "Students bussed in from the city have been clearing rubble since Monday."),
    ("surveillance", "", "Security officers have been making night-time checks of homes in the district."),
    ("surveillance", "", "The calls were recorded by state security agents."),
    ("surveillance", "", "The family had been watched by the neighbourhood unit head."),
    ("surveillance", "", "Agents traced a call the daughter made to her aunt in Seoul."),
    ("surveillance", "", "Unit heads go round every household each evening and report anyone missing."),
    ("detention", "arrest", "The two fishermen were held in an army barracks near the harbour."),
    ("detention", "", "She spent three weeks at the security station of the county."),
    ("detention", "", "The other three are still being held there."),
    ("detention", "", "He was questioned for two days in the basement of the police office."),
    ("ill_treatment", "", "The young worker died while serving a term in a labour-training brigade."),
    ("ill_treatment", "", "Interrogators hung him by his wrists from the ceiling."),
    ("escape", "", "The family made it across the river on a moonless night."),
    ("directive", "", "The directive, dated June 3, was sent to every county party committee."),
    (
        "directive",
        "meeting",
        "The committee told the party secretary of every factory to hold morning lectures.",
    ),
    (
        "movement_restriction",
        "",
        "A checkpoint set up at the bridge has been turning back anyone without papers.",
    ),
    ("movement_restriction", "", "Guards have barred farmers from working within 500 metres of the river."),
    (
        "movement_restriction",
        "",
        "All leave has been cancelled and the soldiers have been confined to barracks.",
    ),
    ("movement_restriction", "", "The regiment banned fishing along the river last week."),
    ("forced_repatriation", "", "Twelve loggers were sent back from Khabarovsk by train."),
    ("meeting", "", "The county party committee met in the town on the 9th."),
    ("meeting", "", "A party official gave a long lecture to the miners on Sunday."),
    ("arrest", "", "A man who helped people cross the river for money was arrested."),
    ("", "", "Smuggling has grown since the pandemic closed the border."),
    ("execution", "", "The broker was condemned to death and shot the same afternoon."),
    ("", "", "More arrests were likely in the coming weeks."),
    ("meeting", "", "An official gave a three-hour lecture to the whole workforce on Friday."),
    ("ill_treatment", "", "Interrogators slapped and kicked the woman until she confessed."),
    ("ill_treatment", "", "The prisoners were given only a handful of maize a day."),
    ("ill_treatment", "", "Guards poured cold water over him in the yard."),
    ("ill_treatment", "", "The detainees were forced to kneel on the concrete floor for hours."),
    ("ill_treatment", "", "She was repeatedly assaulted by a guard at the holding centre."),
    ("ill_treatment", "", "Two inmates froze to death in their unheated cell."),
    ("ill_treatment", "", "He was tortured into signing a confession."),
    ("ill_treatment", "", "The woman suffered a miscarriage after being beaten in custody."),
    ("detention", "", "He was locked in a cell with twenty other men."),
    ("detention", "", "The women were kept at the border guard post overnight."),
    ("detention", "", "They remain in the hands of the state security department."),
    ("detention", "", "The teenager was held for a week before being released."),
    ("detention", "arrest", "The broker is being detained at the provincial security bureau."),
    ("arrest", "", "The state security department apprehended the smuggler on the riverbank."),
    ("arrest", "", "The police raided her home and arrested her."),
    ("arrest", "", "Officers detained the driver at the checkpoint."),
    ("arrest", "", "He was arrested on charges of espionage."),
    ("arrest", "", "The couple were taken into custody by state security."),
    ("arrest", "", "Three people were hauled in over the leaflets."),
    (
        "directive",
        "crackdown",
        "The Central Committee sent down an order to confiscate all foreign-made radios.",
    ),
    ("directive", "", "A party directive instructs residents to report anyone with a foreign phone."),
    ("directive", "", "The cabinet issued a decree requiring farms to hand over all grain."),
    ("directive", "", "Provincial authorities ordered factories to stop work for three days."),
    ("directive", "", "Officials were instructed to ban private sales of rice."),
    ("meeting", "", "Neighbourhood units held sessions to criticise those who had watched foreign films."),
    ("meeting", "", "Factory workers were gathered in the courtyard for an ideological lecture."),
    ("meeting", "", "The verdict was announced at a mass rally in the town square."),
    ("meeting", "", "A self-criticism session was held at the farm."),
    ("escape", "", "A teenage soldier fled across the border into China."),
    ("escape", "", "Three women escaped from North Korea through the mountains."),
    ("escape", "", "The fishermen defected by sailing their boat south."),
    ("escape", "", "He slipped across the Tumen River at dawn."),
    ("execution", "", "The two men were put to death by firing squad."),
    ("execution", "", "The official was publicly executed at the airfield."),
    ("execution", "", "A woman was shot dead by a firing squad for smuggling."),
    ("sentence", "", "Both men were sent to a reeducation camp for five years."),
    ("sentence", "", "The family was exiled to a mountain village."),
    ("sentence", "", "The woman was ordered to pay a fine of 200,000 won."),
    ("sentence", "", "He was sentenced to two years of labour training."),
    ("sentence", "", "She received a suspended sentence."),
    ("forced_repatriation", "", "Chinese police handed the women over to North Korean border guards."),
    ("forced_repatriation", "", "The North Korean workers were deported by Russia."),
    (
        "forced_repatriation,arrest",
        "",
        "The group was sent back to the North after being caught in Shenyang.",
    ),
    ("forced_labor", "", "University students were mobilized to plant trees."),
    ("forced_labor", "", "Each household was required to provide a worker for the project."),
    ("forced_labor", "", "Schoolchildren were put to work collecting scrap metal."),
    ("crackdown", "", "Inspectors searched every stall in the market."),
    ("crackdown", "", "Authorities cracked down on private trading."),
    ("crackdown", "", "Police confiscated the phones of dozens of residents."),
    ("crackdown", "", "The 109 squad conducted surprise inspections of homes."),
    ("surveillance", "", "Agents installed listening devices in the homes of returnees."),
    ("surveillance", "", "Officials are keeping tabs on families with relatives abroad."),
    ("surveillance", "", "The security department has stepped up monitoring of phone calls."),
    ("movement_restriction", "", "Residents were banned from travelling outside the county."),
    ("movement_restriction", "", "The border has been sealed."),
    ("movement_restriction", "", "The army set up roadblocks on all roads leading to the city."),
    ("movement_restriction", "", "Travel permits are no longer being issued."),
    ("", "", "Officials say the factory exceeded its quota this year."),
    ("", "", "Residents worry that inspections may resume next month."),
    ("", "", "The price of diesel rose sharply."),
    ("ill_treatment", "", "He whispered that they had hung him by his wrists for a whole night."),
    ("", "", "There were whispers that a teacher had been taken away."),
    ("sentence", "", "The one-year term was imposed by the district court earlier this month."),
    ("forced_repatriation", "", "A woman who had fled years ago was sent back by Chinese police."),
    ("ill_treatment", "", "The guard was beaten to death in the holding centre, his cousin said."),
    ("ill_treatment", "detention", "Interrogators kept her awake for nights in the cell."),
    ("ill_treatment", "", "A guard hit his hands with a stick."),
    ("surveillance", "", "Agents had been listening in on her calls for months."),
    ("surveillance", "", "Officers have been opening the letters soldiers send home."),
    ("surveillance", "", "The market office recruited traders to report on neighbours."),
    ("sentence", "", "The family was ordered out of Pyongyang and resettled on a farm."),
    ("sentence", "", "The two were handed over to the county labour-training brigade for a month."),
    ("arrest", "", "Two sellers were led out of the market in handcuffs."),
    ("arrest", "", "Both were hauled back to the guard post before dawn."),
    ("arrest", "", "He was taken away by military security for questioning."),
    ("arrest", "", "The pair were stopped by police at a bus station."),
    ("detention", "", "She remains in a police holding cell."),
    ("detention", "", "Two guards have been held since late October."),
    ("detention", "", "He was released after twenty days."),
    (
        "movement_restriction",
        "",
        "The authorities have banned all small boats in the county from going to sea.",
    ),
    ("movement_restriction", "", "Two villages in the county were sealed off."),
    ("movement_restriction", "", "Leave for all frontline units has been cancelled."),
    ("forced_labor", "", "Residents have been called out to help put up a second fence."),
    ("movement_restriction", "", "Soldiers began putting up the new fence at the end of last month."),
    ("forced_labor", "", "Students have been living and working on cooperative farms since Chuseok."),
    ("execution", "", "Ho was taken by truck to a riverbank on the edge of the city and shot."),
    ("crackdown", "", "The checks started in the market district on Monday."),
    ("detention", "", "Security agents are now holding them in the department's detention centre."),
    ("arrest", "", "Their wives were summoned by the Ministry of State Security and questioned."),
    (
        "surveillance",
        "",
        "Traders have had to file a written report after every meeting with Chinese partners.",
    ),
    (
        "surveillance",
        "",
        "Inminban heads have been checking the registration of every household guest each night.",
    ),
    (
        "surveillance",
        "",
        "Inminban heads have had to hand in a written report every week on the residents of their units.",
    ),
    ("forced_labor", "", "Factory hands have been marched out to cooperative farms every morning."),
    ("forced_labor", "", "Pupils have been sent to the construction site of a new power station."),
    ("escape", "", "He walked across the Military Demarcation Line at night."),
    ("escape", "", "The workers slipped out of their dormitory in July."),
    ("forced_repatriation", "", "Chinese police handed the sixty escapees to the North's border guards."),
    ("forced_repatriation", "", "Last October China sent back about 600 people in one night."),
    ("meeting", "", "A mass rally was staged in the town square."),
    ("crackdown", "", "Patrols have been stopping young people in the streets."),
    ("", "", "Analysts in Seoul say arrests have risen sharply."),
    ("", "", "In the past, officers blamed for a defection were sent to labour units."),
    ("", "", "Some say he fled across the river, but this could not be confirmed."),
    ("", "", "China has been sending North Koreans back in larger numbers since last year."),
    ("", "", "Their engines were taken away to the security office."),
    ("", "", "A report published last year by a rights group described beatings in holding centres."),
    ("sentence", "", "He was given seven years in a kyohwaso for attempted defection."),
    ("ill_treatment", "", "Everyone knows the broker was beaten to death in the cells."),
    ("", "directive", "Their workplaces have been told to hold criticism sessions for the three."),
    ("", "", "In the version heard most often, inmates serving short terms will go home in October."),
    ("arrest", "", "The woman was stopped at Pyongyang Railway Station in the week before Chuseok."),
    ("arrest", "", "The traders were stopped on New Year's Day at the checkpoint outside the town."),
    ("ill_treatment", "", "Guards stripped the women for body searches and beat those who refused."),
    ("escape", "", "Three fishermen made a run for it in a small boat on the night of the 16th."),
    ("movement_restriction", "", "The coast guard has fenced off the harbour."),
    ("arrest", "", "Agents hauled in the sergeant in charge of the post."),
    ("detention", "", "The sergeant is still being held by military security."),
    ("crackdown", "", "Prosecutors swooped on stalls selling Chinese cosmetics."),
    ("forced_labor", "", "The youth league has been corralling pupils onto the potato farms."),
    ("surveillance", "", "The family had been watched around the clock by the unit head."),
    ("", "", "In the version most often repeated in the markets, two soldiers were executed."),
    ("crackdown", "", "Officers at a checkpoint impounded eleven trucks loaded with coal."),
    ("sentence", "", "Her grandparents were sent to a camp in the mountains."),
    ("forced_repatriation", "", "On Feb. 19 the women were walked across the bridge to Sinuiju."),
    ("detention", "", "Officers kept them at a guesthouse for about a month."),
    ("surveillance", "", "Her parents have been visited almost daily by a security officer."),
    ("arrest", "", "A navy patrol boat intercepted the fishermen eight kilometres out."),
    ("movement_restriction", "", "No one may enter or leave the city."),
    ("directive", "meeting", "The lecture text instructs every workplace to hold the lecture twice."),
    ("directive", "", "A notice posted at the market entrance banned the sale of Chinese flour."),
    ("escape", "", "The young man had waded in from the bank below the brickworks."),
    ("sentence", "", "He was expelled and sent to work at a coal mine."),
    ("forced_repatriation", "", "In September he was put on a flight from Vladivostok to Pyongyang."),
    ("crackdown", "", "Inspectors went from stall to stall with lists of banned goods."),
    ("", "", "A market official told sellers that no goods had been confiscated."),
    ("", "", "Chinese officials have said that North Koreans who cross the border are migrants."),
    ("detention", "", "She was released from the Sinuiju holding centre after three weeks."),
    ("", "", "Residents buried their handsets to avoid being caught."),
    ("ill_treatment", "detention", "He was kept in leg irons throughout his interrogation."),
    ("movement_restriction", "", "The authorities have tightened controls on all roads into the capital."),
    (
        "sentence",
        "",
        "The committee ordered the wife and children to leave the city for a farm in the mountains.",
    ),
    ("sentence", "", "The people's committee imposed fines of up to 150,000 won on eleven traders."),
    ("surveillance", "", "Officials have been drawing up lists of households with young members."),
    ("detention", "", "Both men are now being held by the county security branch."),
    ("detention", "", "The women were transferred to the provincial collection centre on the 12th."),
    ("escape", "", "The three workers left their dormitory on the edge of Vladivostok in October."),
    ("", "", "An order authorising guards to fire on anyone near the river has been in force since 2020."),
    ("arrest", "", "The stall has stood empty since agents came for its owner on Friday."),
    ("arrest", "", "Neighbours watched as she was bundled into a grey van."),
    ("crackdown", "", "Agents turned the flat upside down looking for phones."),
    ("sentence", "", "His wife and daughter were ordered out of their flat and sent to a farm."),
    ("", "", "The family kept carrying food parcels to the police station for weeks."),
    ("ill_treatment", "", "His body was covered in bruises and two of his ribs were broken."),
    ("ill_treatment", "", "His wrists were chained to a bench for two days."),
    ("movement_restriction", "", "The strip between the fences has been closed to everyone but soldiers."),
    ("movement_restriction", "", "The number of sentries on that stretch has been doubled."),
    ("escape", "", "Two men tried to slip through to the river on the night of the 6th."),
    ("arrest", "", "The teenager was seized by border guards before he reached the bank."),
    ("escape", "", "He walked off a building site in Vladivostok in September."),
    ("", "", "Market inspections in the city have been frequent since the law came into force in 2020."),
    ("sentence", "", "The man, accused of organising crossings for payment, was sentenced to ten years."),
    ("sentence", "", "On the 2nd of August the committee ordered the whole family banished to a farm."),
    ("", "", "Prices have swung widely as the border closure has squeezed supplies."),
    ("", "", "Student mobilisation for farm work is a long-standing practice in the country."),
    ("", "", "Traders have been monitoring prices closely since the harvest."),
    (
        "surveillance",
        "",
        "Security officers have been visiting such households to photograph identity papers.",
    ),
    ("", "", "Residents say another trial will be held in the county this month."),
    ("", "", "The authorities are preparing a new fence along the river, though no work has begun."),
    ("crackdown", "", "They carried off two Chinese-made mobile phones and a notebook."),
    ("escape", "", "The boat tried to slip out to sea towards South Korean waters."),
    (
        "movement_restriction",
        "directive",
        "Every boat in the port was ordered to remain moored until further notice.",
    ),
    ("detention", "", "The eight are being held by the Ministry of State Security in the port city."),
    ("arrest", "", "His parents were summoned to the security office and questioned overnight."),
    ("detention", "", "The eleven have been confined to a quarantine hall at the port."),
    (
        "forced_repatriation",
        "",
        "Chinese police handed five women to the city's state security department on the 4th.",
    ),
    ("ill_treatment", "", "She was struck repeatedly with a wooden pointer during questioning."),
    ("detention", "", "Two of the women are being held in an isolation ward under guard."),
    ("detention", "", "Both are now in the custody of the city state security department."),
    ("detention", "", "His wife and son are still in custody in Sunchon."),
    ("detention", "", "The workers have been held for questioning in Rason since their return."),
    ("surveillance", "", "Plainclothes officers have been seen following people home from the market."),
    ("surveillance", "", "Agents have been collecting handwriting samples from every household."),
    ("escape", "", "A family of four from the same street got across."),
    ("forced_labor", "", "The households were marched to the open pit the next morning."),
    ("forced_repatriation", "", "The family was sent back through the Changbai-Hyesan crossing on Oct. 9."),
    ("forced_repatriation", "", "The builders were put on a bus to the Tumangang crossing on Dec. 22."),
    ("forced_repatriation", "", "A family was among 50 North Koreans sent back through the Hyesan crossing."),
    ("meeting", "", "Cell meetings were called across the province to study the order."),
    ("meeting", "", "The three men were tried on the spot at the city stadium."),
    ("surveillance", "", "An officer assigned to the farm now keeps a record of everyone they talk to."),
    ("crackdown", "", "Guards at the factory gates began going through workers' mobile phones."),
    ("movement_restriction", "directive", "Families were told not to leave without the police's permission."),
    ("arrest", "", "The border guards dragged them back to the guard post."),
    ("forced_repatriation", "", "The workers were put on a cargo ship and returned to Rajin."),
    ("detention", "", "He was held for about two and a half months in the provincial detention facility."),
    ("forced_labor", "", "Every household must now send one member to a construction site."),
    ("", "", "Traders have stopped holding won for more than a few days."),
    ("sentence", "", "The sentences were read out on Friday at the provincial court in Sinuiju."),
    ("execution", "meeting", "The man was shot immediately after the verdict was read out."),
    ("execution", "meeting", "A dealer was recently shot at a public trial in Sunchon."),
    ("execution", "", "On the 17th he was tied to a stake on the bank of the river and shot."),
    ("meeting", "", "Workers and students were brought to watch."),
    ("meeting", "", "Soldiers of the regiment were given a lecture on Friday about discipline."),
    ("arrest", "", "State security agents came for the parents at around 2 a.m. on Sept. 16."),
    ("", "", "The inspectors came for the harvest figures on Monday."),
    (
        "forced_repatriation",
        "detention",
        "They were kept aboard a Chinese ship before being transferred to a North Korean navy boat at sea.",
    ),
    ("escape", "", "The sergeant slipped through the wire in the early hours while fog lay over the valley."),
    ("movement_restriction", "", "Civilians have been barred from fields within two kilometres of the line."),
    ("movement_restriction", "", "Farmers have been barred from their plots since the defection."),
    ("sentence", "", "His company commander was stripped of his rank and sent to work in a coal mine."),
    ("directive", "", "The checks go back to an instruction the security bureau sent in December."),
    ("meeting", "", "Residents were marched to a sandbank on the edge of the city."),
    ("", "surveillance", "Twice a day, inminban heads go from door to door taking temperatures."),
    ("arrest", "crackdown", "Two men were seized in a raid on a house near the iron mine."),
    ("arrest", "", "On Monday at least seven traders were marched to the local social security substation."),
    ("arrest", "", "He had been stopped in June at a checkpoint outside Hyesan."),
    ("crackdown", "", "Police have been combing hillside plots for opium poppies since the 1st."),
    ("crackdown", "", "Maritime security officers have broken up a smuggling ring in Rajin."),
    ("ill_treatment", "", "During questioning, interrogators broke two of his fingers."),
    ("detention", "", "She and her son have been in the cells of the county security department ever since."),
    ("", "", "The miner broke one of his ribs in a fall at the pit."),
    # wordings first met in fresh blind reports (part ao-)
    (
        "detention",
        "arrest",
        "He was trucked to the county security department's holding centre, where he remains.",
    ),
    (
        "detention",
        "arrest",
        "She was driven straight to an interrogation facility of the Ministry of State Security.",
    ),
    ("detention", "", "The two boatmen remain in the cells of the city social security department."),
    ("detention", "", "He has been in the holding cells of the county security department ever since."),
    ("surveillance", "", "Inminban heads began keeping notes on which families had guests."),
    ("surveillance", "", "Unit heads have been submitting reports on defectors' families every week."),
    (
        "directive",
        "meeting",
        "The factory secretary relayed an instruction from the provincial party committee.",
    ),
    (
        "directive",
        "",
        "The orders, handed down to all farm managers in the county, came from the provincial committee.",
    ),
    ("ill_treatment", "detention", "The detainee was found hanged in a cell of the county police station."),
    ("ill_treatment", "", "A woman serving a sentence at the reeducation camp died of tuberculosis."),
    ("detention", "", "During more than two weeks of interrogation, he named three others."),
    ("meeting", "", "Two dozen young people were made to stand on a stage in front of their neighbours."),
    ("movement_restriction", "", "Soldiers have been keeping residents out of a strip along the bank."),
    ("movement_restriction", "", "Fishermen in Ongjin have been barred from their boats."),
    ("directive", "", "Guards are acting on orders issued in late August that anyone in the zone be shot."),
    (
        "sentence",
        "",
        "Authorities began moving the families of defectors from riverside villages to farms inland.",
    ),
    ("directive", "", "Unit heads went from door to door telling every household to send one adult."),
    ("directive", "", "The ministry sent word to the border bureaus that returnees were to be questioned."),
    ("", "ill_treatment", "His family was told that he had hanged himself."),
    ("crackdown", "", "The provincial bureau launched a 100-day battle against foreign films."),
    ("", "", "There is also talk that two porters were arrested at the station."),
    ("meeting", "", "The trial took place in the courtyard of the county hospital on May 2."),
    ("meeting", "", "Residents of the riverside lanes were ordered to attend."),
    ("directive", "", "An order had come down from the border guard command."),
    ("meeting", "", "Residents sat through a second round of lectures on Sunday."),
    ("surveillance", "", "Innkeepers now hand the police a list of every guest each evening."),
    ("movement_restriction", "", "The port authority suspended all fishing from the harbour."),
    ("detention", "", "The returnees were held in quarantine at an old school building."),
    ("forced_labor", "", "Students have been sent to building sites in two counties."),
    ("", "", "The early barley escaped most of the damage."),
    ("meeting", "", "Workers from the steel mill were ordered to fill the stands of the stadium."),
    ("meeting", "", "Residents were ordered to assemble at the river bank."),
    ("", "", "The body was handed to the family with instructions to bury it at once."),
    ("", "", "Her family was ordered to collect the body the next day."),
    ("sentence", "forced_labor", "She was fined 50,000 won and ordered to sweep the station square."),
    ("", "", "Chinese films have been banned for years."),
    ("arrest", "", "The group had been caught in a raid on a safe house in Yanji."),
    ("", "arrest", "The five were seized in a series of night raids."),
    ("", "", "Chinese police have been searching villages on the far bank."),
    ("", "", "The rest of the housewives were sent back to the embankment after the holiday."),
    ("forced_repatriation", "", "The woman who crossed in March has since been handed back."),
    ("", "", "Households that fail to send anyone are fined 20,000 won a day."),
    ("", "", "A household that hides a guest faces a fine of 50,000 won."),
    ("", "", "The guards kicked in the door after midnight."),
    ("detention", "", "She was held in the capital for about seven weeks."),
    ("movement_restriction", "", "Residents have been barred from the riverside altogether."),
    ("movement_restriction", "", "Since May 26 the boats have been chained at their moorings."),
    ("movement_restriction", "", "Boats may leave port only with a permit."),
    ("movement_restriction", "", "The city stopped issuing passes for trips out of the county."),
    ("movement_restriction", "", "The overseers have collected their passports."),
    ("movement_restriction", "", "The villagers have not been allowed onto the beaches after sunset."),
    ("movement_restriction", "", "For a week nobody was allowed in or out of the town without a pass."),
    (
        "forced_labor,meeting",
        "",
        "Young people were sent off to building sites after a rally in Wonsan on Saturday.",
    ),
    (
        "meeting",
        "",
        "Officials called miners and their families to an emergency meeting at the cultural hall.",
    ),
    (
        "meeting",
        "directive",
        "The meeting, held at the provincial party committee on July 29, set the quotas.",
    ),
    ("meeting", "", "The trial, held on March 12 at the stadium, drew a large crowd."),
    ("meeting", "sentence", "The man was put on trial at the city's stadium on Oct. 6."),
    ("meeting", "", "He was tried separately two days later in front of a crowd of fishermen."),
    ("meeting", "", "Two smugglers were tried before a crowd in Hoeryong on Tuesday."),
    ("execution,meeting", "", "He was shot after a brief trial attended by farmers from across the area."),
    ("meeting", "directive", "The order was read out at inminban meetings in the last days of June."),
    ("detention", "", "Officers kept him overnight and made him write a confession."),
    ("detention", "", "Her detention lasted close to two months."),
    ("detention", "", "He is now being held at the station's railway security office."),
    ("arrest", "", "A team of police and soldiers cornered them in a disused mine shaft."),
    ("arrest", "", "The police took in the captains of the two boats."),
    ("arrest", "", "Guards fired warning shots before tackling him."),
    ("arrest", "", "The trader was pulled off at a post on the edge of the city."),
    ("", "", "The weather has beaten the farmers twice this year."),
    ("", "", "The harvest was hit by a string of typhoons in August."),
    ("forced_labor", "", "Students were sent to the building sites for the 'spring assault'."),
    ("", "arrest", "His mother was told of his capture by the military mobilisation office."),
    ("crackdown", "", "Agents went through the flats, digging through coal sheds and cellars."),
    ("", "", "The currency reform was followed by months of shortages."),
    ("meeting", "", "Residents were ordered to gather at a field outside the town."),
    ("", "arrest", "She was seized on the evening of Oct. 6."),
    ("execution", "", "A Chongjin man was shot for smuggling in defiance of the border closure."),
    ("", "", "Selling fuel to foreign boats is officially banned."),
    ("sentence", "", "The squad leader who commanded the post was sent to a labour-training brigade."),
    ("", "", "Two young men from the village are thinking of crossing the river once it freezes."),
    ("", "", "The delegates were taken to the railway station by bus."),
    ("meeting", "", "Workers across the city were summoned to lectures on the new law on Friday."),
    ("execution,meeting", "", "A man who sold fuel to ships anchored off Nampo was shot at a public trial."),
    ("", "", "The provincial police called off the search for the missing boy."),
    ("forced_repatriation", "", "She was among about 20 people handed over at the bridge in mid-October."),
    ("crackdown", "", "Officers at a checkpoint impounded 11 trucks loaded with coal and firewood."),
    ("", "detention", "People repatriated to the North are questioned for weeks."),
    ("arrest", "", "Military security officers took away the platoon leader and four soldiers."),
    ("arrest", "", "Agents hauled off the owner of the warehouse the same evening."),
    ("", "crackdown", "The officers hauled away sacks of flour from the warehouse during the raid."),
    ("arrest", "", "Agents from the county state security department summoned the woman on Sept. 11."),
    ("", "", "A call her son made from China to a neighbour's phone was intercepted."),
    ("detention", "", "The woman was held and questioned by state security for three nights."),
    (
        "directive",
        "",
        "The measures were handed down by the provincial state security bureau early this month.",
    ),
    ("directive", "", "New rules for fishing boats were issued by the county committee."),
    ("directive", "", "The law was adopted by the Standing Committee of the People's Assembly in May."),
    ("directive", "", "The law, the Cultural Language Protection Act, was adopted in January."),
    ("detention", "", "She was kept in a room at the county department and asked how often her son called."),
    ("arrest", "", "The woman was seized on the frozen river as she handed sacks to a Chinese partner."),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline(Settings())


def _events(pipeline: Pipeline, text: str, published: date, type_: str) -> list[Event]:
    """The events of ``type_`` the pipeline finds in ``text``."""
    (doc,) = pipeline.pipe([Doc(text=text, published=published)])
    return [e for e in doc.events if e.type.value == type_]


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


def test_a_foreign_word_in_the_headline_is_not_the_ledes_agent(pipeline: Pipeline) -> None:
    """spaCy may parse a headline and the lede as one sentence; the agent's words count only inside the
    event's own sentence."""
    text = (
        "Traders lose goods in raid on South Korean products\n\n"
        "Market inspectors and police swept through the main market in Sunchon on Thursday and "
        "confiscated clothing bearing South Korean labels, a source told Kirok Sample Wire."
    )
    crackdowns = _events(pipeline, text, date(2022, 8, 15), "crackdown")
    assert crackdowns and any("swept through" in s.text for e in crackdowns for s in e.evidence)


def test_the_crowd_marched_to_watch_is_the_trial_told_before_it(pipeline: Pipeline) -> None:
    text = (
        "Man shot in Chongjin\n\n"
        "A man was shot at a public trial on a riverside field in Chongjin on Feb. 9, a source said. Workers "
        "from the district's factories were brought to watch."
    )
    meetings = _events(pipeline, text, date(2024, 3, 6), "meeting")
    assert len(meetings) == 1
    assert any("brought to watch" in s.text for s in meetings[0].evidence)
    assert any("public trial" in s.text for s in meetings[0].evidence)


def test_an_order_told_on_with_it_is_the_order_told_before(pipeline: Pipeline) -> None:
    text = (
        "Checks tightened in Kanggye\n\n"
        "The checks go back to an instruction the provincial security bureau sent to all county police "
        "stations at the end of last year, a source said. It ordered officers to stop unauthorised travel "
        "and to report traders."
    )
    directives = _events(pipeline, text, date(2024, 1, 25), "directive")
    assert len(directives) == 1
    assert any(s.text.startswith("It ordered") for s in directives[0].evidence)
    assert any("instruction the provincial security bureau sent" in s.text for s in directives[0].evidence)
    assert directives[0].date is not None and directives[0].date.earliest == date(2023, 12, 21)


@pytest.mark.parametrize(
    "reference",
    [
        "His arrest came in the middle of a drive against smuggling that the city had opened in April.",
        "Mun's arrest had been weeks in the making.",
        "About a month after his arrest he was moved to the county detention centre.",
    ],
)
def test_a_possessive_arrest_is_the_arrest_told_before(pipeline: Pipeline, reference: str) -> None:
    """ "his arrest", "Mun's arrest" name an act the report has told: not a second arrest."""
    text = (
        "Cobbler taken away in Hyesan\n\n"
        "A cobbler identified by his family name of Mun was arrested at the bus station in Hyesan on May 3, "
        f"a source said. {reference}"
    )
    arrests = _events(pipeline, text, date(2024, 5, 15), "arrest")
    assert len(arrests) == 1
    assert any(s.text.startswith(reference[:12]) for s in arrests[0].evidence)
    assert arrests[0].date is not None and arrests[0].date.earliest == date(2024, 5, 3)


def test_there_after_a_holding_tells_the_same_holding(pipeline: Pipeline) -> None:
    """ "There they were questioned for two weeks": the facility of the sentence before, the same holding."""
    text = (
        "Builders flown back\n\n"
        "The three builders were taken from the airport to an interrogation facility of the Ministry of "
        "State Security, a source said. There they were questioned for about two weeks about their contacts."
    )
    holdings = _events(pipeline, text, date(2025, 4, 10), "detention")
    assert len(holdings) == 1
    assert len(holdings[0].evidence) == 2


def test_the_trial_is_not_the_cadres_meeting_told_before(pipeline: Pipeline) -> None:
    """ "The trial was staged ..." refers back to a trial, not to the meeting of cadres told before it."""
    text = (
        "Smuggler sentenced in Hyesan\n\n"
        "A smuggler was handed fifteen years at a public trial in Hyesan last Friday, a source said. The "
        "trial opened a campaign that the provincial committee announced at an enlarged meeting of cadres on "
        "March 4. The trial was staged on the sports ground of a school near the river."
    )
    meetings = _events(pipeline, text, date(2024, 4, 17), "meeting")
    trial = next(e for e in meetings if any("public trial" in s.text for s in e.evidence))
    assert any(s.text.startswith("The trial was staged") for s in trial.evidence)
    assert trial.date is not None and trial.date.earliest == date(2024, 4, 12)


def test_the_trials_own_telling_gives_its_scene(pipeline: Pipeline) -> None:
    text = (
        "Anju woman sentenced\n\n"
        "A woman from Anju who sold films to students in Pyongyang was handed ten years at a public trial "
        "last month, a source said. The trial took place in the yard of a textile mill in Anju on Dec. 19."
    )
    (trial,) = _events(pipeline, text, date(2025, 1, 2), "meeting")
    assert trial.date is not None and trial.date.earliest == date(2024, 12, 19)
    assert trial.place is not None and trial.place.name == "Anju"


def test_since_then_counts_from_the_date_told_just_before(pipeline: Pipeline) -> None:
    text = (
        "Detainee dies in Kimchaek\n\n"
        "A dock worker in Kimchaek was arrested early this month, a source said. He died in the cells on "
        "Aug. 18. The body was returned to the family on the 20th. Since then, two officers have been "
        "keeping watch on the house."
    )
    (watch,) = _events(pipeline, text, date(2024, 8, 29), "surveillance")
    assert watch.date is not None and watch.date.earliest == date(2024, 8, 20)


def test_punishments_with_other_terms_are_other_punishments(pipeline: Pipeline) -> None:
    """ "a ten-year term in a reform-through-labour camp" and "a labour-training brigade for six months"
    share the words of punishment, not the act."""
    text = (
        "Mother sentenced in Hyesan\n\n"
        "A woman from Kapsan was handed a ten-year term in a reform-through-labour camp in Hyesan on "
        "Tuesday, a source said. Her son was sent to a labour-training brigade in Hyesan for six months."
    )
    sentences = _events(pipeline, text, date(2022, 4, 8), "sentence")
    assert len(sentences) == 2


def test_a_rally_two_days_before_a_dated_act_is_counted_back(pipeline: Pipeline) -> None:
    text = (
        "Students sent to farms\n\n"
        "Students were sent to the farms on Monday, April 4, two days after a rally at the university in "
        "Hamhung, a source said."
    )
    (rally,) = _events(pipeline, text, date(2022, 4, 12), "meeting")
    assert rally.date is not None and (rally.date.earliest, rally.date.latest) == (date(2022, 4, 2),) * 2


def test_a_meeting_named_as_what_came_before_does_not_move_the_story(pipeline: Pipeline) -> None:
    text = (
        "Detectors in Hoeryong\n\n"
        "Security agents in Hoeryong began using new detectors on Jan. 3, a source said. The detectors were "
        "handed out after a meeting of the provincial security department in Chongjin on Dec. 27. Two men "
        "were arrested on Jan. 9 while calling a broker."
    )
    (arrest,) = _events(pipeline, text, date(2025, 1, 20), "arrest")
    assert arrest.place is not None and arrest.place.name == "Hoeryong"


def test_since_then_does_not_count_from_the_day_of_a_telling(pipeline: Pipeline) -> None:
    text = (
        "Dock worker held in Kimchaek\n\n"
        "A dock worker in Kimchaek was arrested on Aug. 5, a source said. The family heard nothing more, "
        "a neighbour told Kirok Sample Wire on Aug. 20. Since then, two officers have been keeping watch on "
        "the house."
    )
    (watch,) = _events(pipeline, text, date(2024, 8, 29), "surveillance")
    assert watch.date is not None and watch.date.earliest == date(2024, 8, 5)


def test_an_order_named_again_at_the_start_of_the_next_sentence_dates_it(pipeline: Pipeline) -> None:
    text = (
        "Second fence in Onsong\n\n"
        "Border troops in Onsong County have been putting up a second fence along the Tumen River since "
        "mid-July, a source said. The work follows an order from the provincial party committee. The "
        'order, dated July 9, said that the river had to be closed "so that not even an ant can pass".'
    )
    (order,) = _events(pipeline, text, date(2020, 8, 12), "directive")
    assert order.date is not None and (order.date.earliest, order.date.latest) == (date(2020, 7, 9),) * 2


def test_an_order_the_lede_tells_as_given_is_dated_by_the_next_sentence_on_the_order(
    pipeline: Pipeline,
) -> None:
    text = (
        "Samjiyon brigades told to stay through winter\n\n"
        "Workers building Samjiyon have been ordered to stay on site until the Lunar New Year, a source "
        "said.\n\n"
        "The order was read out to brigade leaders on Tuesday."
    )
    (order,) = _events(pipeline, text, date(2018, 12, 22), "directive")
    assert order.date is not None and (order.date.earliest, order.date.latest) == (date(2018, 12, 18),) * 2


def test_a_lecture_the_checks_came_right_after_is_dated_by_its_own_day(pipeline: Pipeline) -> None:
    text = (
        "Sariwon youth face phone checks\n\n"
        "Inspectors in Sariwon have begun stopping young people to search their phones, a source told us on "
        "Tuesday.\n\n"
        "The checks started right after a lecture held at the city's cultural hall on Saturday, the source "
        "said. The lecture relayed a directive from the Central Committee said to have been issued in early "
        "May."
    )
    (lecture,) = _events(pipeline, text, date(2025, 6, 25), "meeting")
    assert (
        lecture.date is not None and (lecture.date.earliest, lecture.date.latest) == (date(2025, 6, 21),) * 2
    )
    (order,) = _events(pipeline, text, date(2025, 6, 25), "directive")
    assert order.date is not None and (order.date.earliest, order.date.latest) == (
        date(2025, 5, 1),
        date(2025, 5, 10),
    )


def test_a_holding_since_a_look_back_runs_from_it_to_the_death(pipeline: Pipeline) -> None:
    text = (
        "Man dies in Kilju holding cells\n\n"
        "A man died in the holding cells of the Kilju County social security department late last month, "
        "a source said.\n\n"
        "The man had been arrested in September on charges of selling stolen cement, the source said. He "
        "had been held at the department since then while officers questioned him."
    )
    (held,) = _events(pipeline, text, date(2017, 12, 11), "detention")
    assert held.date is not None and (held.date.earliest, held.date.latest) == (
        date(2017, 9, 1),
        date(2017, 11, 30),
    )


def test_the_previous_day_is_the_day_before_the_storys_day_not_the_tellings(pipeline: Pipeline) -> None:
    text = (
        "Manpo man publicly executed\n\n"
        "A man was shot in front of hundreds of residents in Manpo on Monday, a source told us on "
        "Tuesday.\n\n"
        "Factories and inminban in the city had been ordered the previous day to send all their members "
        "to watch."
    )
    (order,) = _events(pipeline, text, date(2018, 2, 8), "directive")
    assert order.date is not None and (order.date.earliest, order.date.latest) == (date(2018, 2, 4),) * 2


def test_an_undated_later_telling_does_not_redate_a_campaign_named_by_a_noun(pipeline: Pipeline) -> None:
    text = (
        "Nampo dockworkers arrested; ships searched\n\n"
        "Five dockworkers at Nampo port were arrested on Monday, a source told us on Thursday.\n\n"
        "Since the arrests, a joint inspection group has been opening every container at the port, the "
        "source said. Earlier this month, a customs officer was sentenced to eight years.\n\n"
        "The freighter was allowed to leave after its cargo was seized."
    )
    crackdowns = _events(pipeline, text, date(2024, 7, 12), "crackdown")
    inspection = next(e for e in crackdowns if any("inspection group" in s.text for s in e.evidence))
    assert inspection.date is not None and inspection.date.earliest == date(2024, 7, 8)


def test_a_past_perfect_of_a_clause_without_that_does_not_make_the_act_a_look_back(
    pipeline: Pipeline,
) -> None:
    text = (
        "Rason sealed off after fever cases\n\n"
        "Authorities in Rason have confined residents to their homes, a source told us on Wednesday.\n\n"
        "The lockdown began on Saturday, the source said. On Tuesday, a woman was caught by a social "
        "security patrol carrying a bag of medicine she had bought for her mother. She has been held in "
        "the quarantine ward of the city social security department since then."
    )
    (held,) = _events(pipeline, text, date(2022, 5, 19), "detention")
    assert held.date is not None and held.date.earliest == date(2022, 5, 17)


def _window(event: Event) -> tuple[date | None, date | None]:
    assert event.date is not None
    return event.date.earliest, event.date.latest


def test_a_trial_before_a_crowd_in_the_lede_dates_the_trial_the_body_names(pipeline: Pipeline) -> None:
    text = (
        "Two tried in Hoeryong\n\n"
        "Two men accused of smuggling copper were tried before a crowd in Hoeryong on Tuesday, a source "
        "told us.\n\n"
        "A woman was picked up at her home in Musan on the 9th.\n\n"
        "The Hoeryong trial was staged in the yard of a school. One man was handed a 12-year term in a "
        "reform-through-labour camp."
    )
    (meeting,) = _events(pipeline, text, date(2021, 3, 18), "meeting")
    assert _window(meeting) == (date(2021, 3, 16), date(2021, 3, 16))
    (sentence,) = _events(pipeline, text, date(2021, 3, 18), "sentence")
    assert _window(sentence) == (date(2021, 3, 16), date(2021, 3, 16))


def test_the_day_after_an_act_dated_at_the_same_trial_counts_from_the_trial(pipeline: Pipeline) -> None:
    """The act told "at the same trial" takes the trial's day, and the story goes back to it: "the day
    after" is the day after the trial, not after the arrests told in between."""
    text = (
        "Three shot in Onsong\n\n"
        "Three men were shot by a firing squad in Onsong last Thursday after a brief open trial, a source "
        "said.\n\n"
        "The three were seized in a single night in late August.\n\n"
        "Two women were given ten-year terms at the same trial. Relatives of the executed men were moved "
        "to a remote farm in the mountains the day after."
    )
    sentences = _events(pipeline, text, date(2021, 12, 6), "sentence")
    moved = [e for e in sentences if any("remote farm" in s.text for s in e.evidence)]
    assert [_window(e) for e in moved] == [(date(2021, 12, 3), date(2021, 12, 3))]


def test_an_act_dated_as_an_earlier_one_does_not_take_the_story_back(pipeline: Pipeline) -> None:
    """ "taken the night the boat went missing" is dated by the escape two weeks before the ban; the acts
    told after it go on from the ban, the story's time."""
    text = (
        "Sinpo stops permits\n\n"
        "The police in Sinpo stopped issuing travel permits to fishermen on July 4, two weeks after a "
        "crew of four sailed their boat south, a source told us.\n\n"
        "Relatives of the four were taken from their homes the night the boat went missing.\n\n"
        "Since the permits were stopped, a team from the state security department has been boarding "
        "every boat that returns to port and ripping open its storage compartments."
    )
    (crackdown,) = _events(pipeline, text, date(2022, 7, 19), "crackdown")
    assert _window(crackdown) == (date(2022, 7, 4), date(2022, 7, 19))


def test_at_the_same_gathering_is_the_day_of_the_execution(pipeline: Pipeline) -> None:
    text = (
        "Man shot in Nampo\n\n"
        "A man who slaughtered three oxen was executed by firing squad in Nampo last week, a source "
        "said.\n\n"
        "The execution took place on the afternoon of May 30 on a riverbank, where workers had been told "
        "to assemble.\n\n"
        "He was arrested in March along with two butchers. The two butchers were each given 10 years in "
        "a reform-through-labour camp at the same gathering."
    )
    (sentence,) = _events(pipeline, text, date(2024, 6, 4), "sentence")
    assert _window(sentence) == (date(2024, 5, 30), date(2024, 5, 30))


def test_an_hour_of_the_morning_does_not_date_a_state_going_on(pipeline: Pipeline) -> None:
    text = (
        "Inmates made to carry ore\n\n"
        "Since October, inmates of the labour-training unit in Tanchon have been made to carry ore at the "
        "mine from five in the morning until dark, a source said."
    )
    (labour,) = _events(pipeline, text, date(2021, 12, 1), "forced_labor")
    assert _window(labour) == (date(2021, 10, 1), date(2021, 12, 1))


@pytest.mark.parametrize(
    "between",
    ["", "One phone held more than 40 South Korean songs, and messages on the other used Seoul slang. "],
)
def test_that_day_after_a_month_is_a_day_of_that_month(pipeline: Pipeline, between: str) -> None:
    """ "that day" after an act of March told just before, or after a sentence that tells no act: a day of
    March, the story's time."""
    text = (
        "Students held in Pyongsong\n\n"
        "The case began in March, when an inspection team went from room to room in a dormitory and "
        f"checked every student's phone, the source said. {between}\n\n"
        "Both students were taken away by police that day."
    )
    (arrest,) = _events(pipeline, text, date(2023, 5, 31), "arrest")
    assert _window(arrest) == (date(2023, 3, 1), date(2023, 3, 31))


def test_that_afternoon_after_the_same_trial_keeps_the_trials_day(pipeline: Pipeline) -> None:
    """ "that afternoon" in a sentence that points to "the same trial": the trial's day, not the day of
    the arrest told just before (tests/annotated's c-chongjin-ice-dealers-shot)."""
    name = "c-chongjin-ice-dealers-shot"
    gold = json.loads((ANNOTATED / f"{name}.json").read_text())
    text = (ANNOTATED / gold["text_file"]).read_text()
    (doc,) = pipeline.pipe([Doc(text=text, published=date.fromisoformat(gold["published"]))])
    (sentence,) = [e for e in doc.events if e.type.value == "sentence"]
    assert _window(sentence) == (date(2019, 10, 14), date(2019, 10, 14))


def test_a_look_back_told_with_its_length_ends_at_the_act_before_it(pipeline: Pipeline) -> None:
    text = (
        "Three held in Hyesan\n\n"
        "Agents came to their homes in Wiyon-dong before dawn on March 5 and took all three away, a source "
        "said.\n\n"
        "Agents had been tracking the signals for about three weeks with detection equipment in a van."
    )
    (watch,) = _events(pipeline, text, date(2019, 3, 14), "surveillance")
    earliest, latest = _window(watch)
    assert latest == date(2019, 3, 5)
    assert earliest is not None and date(2019, 2, 5) <= earliest <= date(2019, 2, 12)


def test_meetings_held_since_a_date_are_not_the_one_meeting_the_body_dates(pipeline: Pipeline) -> None:
    text = (
        "Chongjin workplaces drilled on new law\n\n"
        "Factories in Chongjin have been holding compulsory study sessions on a new law since late January, "
        "a source told us on Wednesday.\n\n"
        "A young man was arrested last month for lending a memory card to a friend. On Tuesday, his "
        "workplace held a public criticism session in the plant's meeting hall."
    )
    meetings = _events(pipeline, text, date(2021, 2, 5), "meeting")
    assert sorted(_window(m) for m in meetings) == [
        (date(2021, 1, 21), date(2021, 2, 5)),
        (date(2021, 2, 2), date(2021, 2, 2)),
    ]


def test_a_deadline_does_not_date_the_work_done_for_it(pipeline: Pipeline) -> None:
    text = (
        "Brigades in Samjiyon\n\n"
        "Members of youth shock brigades have been living in tents on the site in Samjiyon since spring "
        "and work through the night without pay to meet a deadline set for the end of the year, a source "
        "said."
    )
    (labour,) = _events(pipeline, text, date(2019, 11, 14), "forced_labor")
    assert _window(labour) == (date(2019, 3, 1), date(2019, 11, 14))


def test_a_seizure_after_an_arrest_whose_cause_is_told_is_in_its_scene(pipeline: Pipeline) -> None:
    """ "after another crew reported seeing the transfer" tells what came before the arrest; it does not
    move the story's time past the arrest's day."""
    text = (
        "Rason crew held\n\n"
        "Three crew members of a fishing boat have been held in Rason, a source told us.\n\n"
        "The three were arrested on Dec. 18 when their boat returned to Rajin port, after another crew "
        "reported seeing the transfer, the source said. Port officials seized the rest of the cargo."
    )
    (seizure,) = _events(pipeline, text, date(2025, 1, 22), "crackdown")
    assert _window(seizure) == (date(2024, 12, 18), date(2024, 12, 18))


def test_a_participle_after_the_subject_does_not_take_the_main_verbs_date(pipeline: Pipeline) -> None:
    """ "A man detained on suspicion of stealing diesel died ... on Sunday": Sunday is the death's day;
    the arrest is the one the body dates."""
    text = (
        "Man dies in Kimchaek cells\n\n"
        "A man detained on suspicion of stealing diesel from a fishing station died in the cells of the "
        "Kimchaek social security department on Sunday, a source told us.\n\n"
        "The man was picked up at the fishing station on July 19, the source said."
    )
    arrests = _events(pipeline, text, date(2021, 8, 4), "arrest")
    assert [_window(a) for a in arrests] == [(date(2021, 7, 19), date(2021, 7, 19))]


def test_a_directive_relayed_by_a_lecture_keeps_its_own_date(pipeline: Pipeline) -> None:
    text = (
        "Slang checks in Sariwon\n\n"
        "Youth league patrols have been checking phones in Sariwon, a source told us.\n\n"
        "The lecture relayed a directive from the Central Committee said to have been issued in early May."
    )
    (directive,) = _events(pipeline, text, date(2025, 6, 25), "directive")
    assert _window(directive) == (date(2025, 5, 1), date(2025, 5, 10))


def test_an_act_in_the_when_clause_after_until_is_on_that_day(pipeline: Pipeline) -> None:
    text = (
        "Builders handed back\n\n"
        "Three workers who fled a site in Vladivostok were handed back last week, a source told us.\n\n"
        "They were held in a Russian migration centre until Sept. 24, when they were driven across the "
        "bridge at Tumangang and handed to officers of the state security ministry."
    )
    (handover,) = _events(pipeline, text, date(2024, 10, 3), "forced_repatriation")
    assert _window(handover) == (date(2024, 9, 24), date(2024, 9, 24))


def test_an_act_the_source_told_of_on_a_day_happened_by_that_day(pipeline: Pipeline) -> None:
    text = (
        "Young people sent to labour units\n\n"
        "Seven young people in Kim Chaek were sent to a labor-training unit for six months this week, a "
        "source in the province told us on Wednesday.\n\n"
        "Since the start of the month, youth league patrols have been checking phones on the streets."
    )
    (sentence,) = _events(pipeline, text, date(2023, 11, 17), "sentence")
    assert _window(sentence) == (date(2023, 11, 13), date(2023, 11, 15))
    (checks,) = _events(pipeline, text, date(2023, 11, 17), "crackdown")
    assert _window(checks) == (date(2023, 11, 1), date(2023, 11, 17))  # a state going on: to publication


def test_the_act_a_punishment_was_for_does_not_take_the_punishments_date(pipeline: Pipeline) -> None:
    text = (
        "Guards sentenced in Musan\n\n"
        "Three border guards in Musan were sentenced last week to terms in a reeducation camp for helping a "
        "family of three cross the Tumen River into China, a source told us on Tuesday.\n\n"
        "The family crossed the frozen river at night in mid-December, the source said."
    )
    (crossing,) = _events(pipeline, text, date(2020, 1, 23), "escape")
    assert _window(crossing) == (date(2019, 12, 11), date(2019, 12, 20))


def test_taken_in_for_questioning_keeps_its_date(pipeline: Pipeline) -> None:
    text = (
        "Mother questioned in Hyesan\n\n"
        "On Monday her mother was taken to the city state security department for questioning and was "
        "held there for two days, a source said."
    )
    (arrest,) = _events(pipeline, text, date(2023, 10, 18), "arrest")
    assert _window(arrest) == (date(2023, 10, 16), date(2023, 10, 16))


def test_an_hour_counted_from_the_day_of_the_telling_is_no_date(pipeline: Pipeline) -> None:
    """ "The proceedings began at around ten in the morning", after "a source told us on Tuesday": the
    tagger counts the morning from Tuesday; the trial was last Friday (tests/annotated's
    bn-hyesan-public-execution)."""
    gold = json.loads((ANNOTATED / "bn-hyesan-public-execution.json").read_text())
    text = (ANNOTATED / gold["text_file"]).read_text()
    (doc,) = pipeline.pipe([Doc(text=text, published=date.fromisoformat(gold["published"]))])
    at_trial = [
        e
        for e in doc.events
        if e.type.value == "sentence" and any("same trial" in s.text for s in e.evidence)
    ]
    assert [_window(e) for e in at_trial] == [(date(2021, 11, 26), date(2021, 11, 26))]


def test_a_date_in_the_subjects_participle_is_not_the_main_acts(pipeline: Pipeline) -> None:
    text = (
        "Women sent back from China get camp terms\n\n"
        "Several women among the hundreds forcibly returned from China in October have been sentenced to "
        "terms in reeducation camps after months of interrogation, a source told us on Monday.\n\n"
        "Five of the women were sentenced last week to between five and seven years in a reeducation camp."
    )
    sentences = _events(pipeline, text, date(2024, 1, 10), "sentence")
    assert [_window(s) for s in sentences] == [(date(2024, 1, 1), date(2024, 1, 7))]


def test_an_arrest_retold_after_according_to_the_source_takes_its_date(pipeline: Pipeline) -> None:
    """ "The group had been caught ... According to the source, the nine were rounded up on March 3": the
    telling before the subject does not hide that the clause refers back; one arrest, on March 3."""
    text = (
        "Nine sentenced in Hamhung\n\n"
        "Nine people were sentenced at a public trial in Hamhung last week, a source told us on Monday.\n\n"
        "The group had been caught after a raid on a makeshift laboratory. According to the source, the nine "
        "were rounded up on March 3 when police and state security agents surrounded a flat."
    )
    arrests = _events(pipeline, text, date(2019, 5, 22), "arrest")
    assert [_window(a) for a in arrests] == [(date(2019, 3, 3), date(2019, 3, 3))]


def test_a_clause_after_said_is_no_time_of_the_telling(pipeline: Pipeline) -> None:
    """ "The source said the arrests took place in mid-August" and "The source said guards seized him in
    early October": the date is the act's, not the day the source spoke."""
    for body, published, window in (
        ("The source said the arrests took place in mid-August.", date(2022, 11, 17), (11, 20)),
        ("The source said guards seized him in early October.", date(2020, 11, 28), (1, 10)),
    ):
        lede = "Two men were executed in Hyesan last week, a source said."
        text = f"Two men executed in Hyesan\n\n{lede}\n\n{body}"
        (arrest,) = _events(pipeline, text, published, "arrest")
        month = 8 if "August" in body else 10
        assert _window(arrest) == (
            date(published.year, month, window[0]),
            date(published.year, month, window[1]),
        )


def test_questioning_before_a_trial_told_first_ends_with_its_sentence(pipeline: Pipeline) -> None:
    """A trial "at the end of last month" told in the lede, then the arrests "in June" and "They then spent
    more than two months being questioned": the questioning ends by the sentence handed down at that
    trial, not at the day the source spoke."""
    text = (
        "Chongjin holds public trial\n\n"
        "A public trial was held in Chongjin at the end of last month for four men accused of calling South "
        "Korea, a source told this outlet on Monday.\n\n"
        "The trial took place in the square in front of the cultural hall, where the four were sentenced to "
        "between seven and 15 years of reform through labor, the source said.\n\n"
        "According to the source, the men were picked up one by one in June. They then spent more than two "
        "months being questioned at the provincial state security bureau."
    )
    (held,) = _events(pipeline, text, date(2020, 9, 9), "detention")
    assert _window(held) == (date(2020, 6, 1), date(2020, 8, 31))


def test_an_arrest_of_him_told_again_with_its_date_is_one_arrest(pipeline: Pipeline) -> None:
    """ "Kye was caught by border guards as he pulled a bundle out of the water. The source said guards
    seized him in early October": one arrest, in early October, not a second one on the execution's
    days; but "came for her on Feb. 27" and "led her off the train on March 6" stay two."""
    text = (
        "Smuggler shot in Onsong\n\n"
        "Authorities executed a man in Onsong County a few days ago, a source told us on Thursday.\n\n"
        "The man, a trader with the family name of Kye, was caught by border guards as he pulled a bundle "
        "out of the water. The source said guards seized him in early October near a sentry post."
    )
    arrests = _events(pipeline, text, date(2020, 11, 28), "arrest")
    assert [_window(a) for a in arrests] == [(date(2020, 10, 1), date(2020, 10, 10))]
    text = (
        "Three traders arrested\n\n"
        "Three women traders were arrested this month, a source told us.\n\n"
        "Agents came for the first woman on Feb. 27. Officers led her off a train on March 6."
    )
    arrests = _events(pipeline, text, date(2023, 3, 16), "arrest")
    assert sorted(_window(a) for a in arrests) == [
        (date(2023, 2, 27), date(2023, 2, 27)),
        (date(2023, 3, 6), date(2023, 3, 6)),
    ]


def test_a_law_adopted_is_its_own_directive(pipeline: Pipeline) -> None:
    """ "Residents were ordered to hand in USB drives ... The law, adopted last December, sets out
    penalties": two directives, the order's and the law's, each with its own date."""
    text = (
        "Kaesong lectures\n\n"
        "Residents of Kaesong were summoned to lectures on the new law on June 23, a source told us.\n\n"
        "Residents were ordered to hand in any foreign-made USB drives by the end of July. The law, adopted "
        "last December, sets out penalties of up to 15 years of reform through labour."
    )
    directives = _events(pipeline, text, date(2021, 7, 1), "directive")
    windows = sorted(_window(d) for d in directives)
    assert windows[0] == (date(2020, 12, 1), date(2020, 12, 31))
    assert len(windows) == 2 and windows[1][0] == date(2021, 6, 23)


def test_a_term_whose_headline_names_the_trial_takes_the_trials_day(pipeline: Pipeline) -> None:
    """ "Two young men handed long prison terms at Haeju public trial" (headline) ... "held a public trial
    on Friday" ... "The court sentenced the older man to 12 years": the term is on the trial's day."""
    text = (
        "Two young men handed long prison terms at Haeju public trial\n\n"
        "Authorities in Haeju held a public trial on Friday for two men accused of selling dramas, a source "
        "told us.\n\n"
        "The two were arrested in October when police raided a flat.\n\n"
        "The court sentenced the older man to 12 years and the younger to eight years of reform through "
        "labour."
    )
    (term,) = _events(pipeline, text, date(2022, 12, 7), "sentence")
    assert _window(term) == (date(2022, 12, 2), date(2022, 12, 2))


def test_an_order_read_out_at_meetings_is_a_meeting_and_keeps_the_orders_own_day(
    pipeline: Pipeline,
) -> None:
    """ "read out an order at neighbourhood meetings on Sunday" ... "The order was handed down by the party
    Central Committee on Aug. 25": a meeting on Sunday and a directive of Aug. 25."""
    text = (
        "Shoot-on-sight order\n\n"
        "Security officials in Sinuiju read out an order at neighbourhood meetings on Sunday warning that "
        "anyone who approaches the river will be shot, a source told us.\n\n"
        "The order was handed down by the party Central Committee on Aug. 25, the source said."
    )
    (meeting,) = _events(pipeline, text, date(2020, 9, 5), "meeting")
    (order,) = _events(pipeline, text, date(2020, 9, 5), "directive")
    assert _window(meeting) == (date(2020, 8, 30), date(2020, 8, 30))
    assert _window(order) == (date(2020, 8, 25), date(2020, 8, 25))


def test_a_date_in_a_relative_clause_after_the_act_is_the_clauses(pipeline: Pipeline) -> None:
    """ "On Saturday, agents took in for questioning a woman whose daughter defected in 2017": Saturday."""
    text = (
        "Musan watch\n\n"
        "Officials in Musan have tightened the watch on families, a source told us on Sunday.\n\n"
        "On Saturday, agents took in for questioning a woman in her 40s whose daughter defected in 2017."
    )
    (arrest,) = _events(pipeline, text, date(2019, 6, 18), "arrest")
    assert _window(arrest) == (date(2019, 6, 15), date(2019, 6, 15))


def test_a_later_clause_that_names_the_place_gives_it_to_the_act(pipeline: Pipeline) -> None:
    """ "He had been caught trying to go home without leave. Military police picked him up at Wonsan
    railway station": the arrest is at Wonsan, named where it is told again, not the province carried
    from the lede; but "her father's arrest", told where the daughter lives, names no scene."""
    text = (
        "Conscript dies after beating\n\n"
        "A young soldier died in his unit's guardhouse this month, a source in Kangwon Province told us.\n\n"
        "He had been caught trying to go home without leave. Military police picked him up at Wonsan "
        "railway station on March 3.\n\n"
        "His sister, who lives in Hoeryong, heard of her brother's arrest a week later."
    )
    (arrest,) = _events(pipeline, text, date(2021, 3, 19), "arrest")
    assert arrest.place is not None and arrest.place.name == "Wonsan"


def test_a_place_in_another_clause_of_the_later_telling_is_not_the_acts(pipeline: Pipeline) -> None:
    """ "the man was detained in April ... In the same week the man was taken away, his wife and son were
    banished to a mountain village of Yonsa County": the arrest stays in Onsong."""
    text = (
        "Onsong man sent to camp\n\n"
        "Authorities in Onsong County have sent a man who called relatives in the South to a political "
        "prison camp, a source in North Hamgyong Province told us on Tuesday.\n\n"
        "According to a source in the province, the man was detained in April after agents intercepted "
        "a call. "
        "In the same week the man was taken away, his wife and son were banished to a mountain village of "
        "Yonsa County."
    )
    (arrest,) = _events(pipeline, text, date(2022, 6, 14), "arrest")
    assert arrest.place is not None and arrest.place.name.startswith("Onsong")


def test_an_order_issued_late_last_month_takes_that_date(pipeline: Pipeline) -> None:
    text = (
        "Lectures in Chongjin\n\n"
        "Officials in Chongjin held lectures on the new law last week, a source told us on Friday.\n\n"
        "The lectures follow an instruction issued late last month by the Central Committee."
    )
    (order,) = _events(pipeline, text, date(2025, 1, 20), "directive")
    assert _window(order) == (date(2024, 12, 21), date(2024, 12, 31))


def test_a_sentence_opening_with_an_act_told_before_tells_a_new_one(pipeline: Pipeline) -> None:
    """ "Three days after her arrest, agents also took her son-in-law in for questioning": a second arrest,
    three days after the first; "On the day the city was sealed, agents took in twenty people": an
    arrest, not the sealing again."""
    text = (
        "Woman arrested in Hoeryong\n\n"
        "Agents arrested a woman in Hoeryong on Aug. 2, a source told us on Tuesday.\n\n"
        "Three days after her arrest, agents also took her son-in-law in for questioning."
    )
    arrests = _events(pipeline, text, date(2023, 8, 17), "arrest")
    assert sorted(_window(a) for a in arrests) == [
        (date(2023, 8, 2), date(2023, 8, 2)),
        (date(2023, 8, 5), date(2023, 8, 5)),
    ]
    text = (
        "Kaesong sealed\n\n"
        "The authorities sealed off Kaesong on July 25, a source told us on Sunday.\n\n"
        "He swam back across the border a week before the city was sealed. On the day the city was "
        "sealed, state security agents took in about twenty people who had met him."
    )
    (arrest,) = _events(pipeline, text, date(2020, 8, 4), "arrest")
    assert _window(arrest) == (date(2020, 7, 25), date(2020, 7, 25))
    (escape,) = _events(pipeline, text, date(2020, 8, 4), "escape")
    assert _window(escape) == (date(2020, 7, 18), date(2020, 7, 18))


def test_chinese_authorities_handing_a_group_over_is_a_repatriation(pipeline: Pipeline) -> None:
    """ "Chinese authorities handed a large group of North Koreans over at the Sinuiju border crossing on the
    night of Oct. 9 ... The day before the handover, the Ministry of State Security sent word to the
    border bureaus": a repatriation on Oct. 9 and an order on Oct. 8."""
    text = (
        "Hundreds held in Sinuiju\n\n"
        "Chinese authorities handed a large group of North Koreans over at the Sinuiju border crossing on "
        "the night of Oct. 9, a source told us.\n\n"
        "The day before the handover, the Ministry of State Security sent word to the border security "
        "bureaus that the returnees were to be questioned."
    )
    (handover,) = _events(pipeline, text, date(2023, 10, 20), "forced_repatriation")
    (order,) = _events(pipeline, text, date(2023, 10, 20), "directive")
    assert _window(handover)[0] == date(2023, 10, 9)
    assert _window(order) == (date(2023, 10, 8), date(2023, 10, 8))


def test_an_order_a_week_before_families_were_moved_is_counted_back_from_the_move(pipeline: Pipeline) -> None:
    text = (
        "Defectors' families moved away from the border\n\n"
        "Authorities in Kyongwon County began moving the families of defectors from riverside villages to "
        "mountain farms inland on April 9, a source told us on Monday.\n\n"
        "The order came from the provincial party committee a week before the first families were moved."
    )
    (order,) = _events(pipeline, text, date(2019, 4, 17), "directive")
    assert _window(order) == (date(2019, 4, 2), date(2019, 4, 2))


def test_the_session_told_again_by_its_name_is_the_same_meeting(pipeline: Pipeline) -> None:
    """ "were made to stand on a stage in front of their neighbours in Sariwon on Aug. 26" ... 'The
    "ideological struggle" session was held in the hall of a machine factory': one meeting, Aug. 26."""
    text = (
        "Sariwon youths shamed on stage\n\n"
        "About two dozen young people caught with dyed hair were made to stand on a stage in front of their "
        "neighbours in Sariwon on Aug. 26, a source told us on Wednesday.\n\n"
        'The "ideological struggle" session was held in the hall of a machine factory, the source said.'
    )
    meetings = _events(pipeline, text, date(2021, 9, 3), "meeting")
    assert [_window(m) for m in meetings] == [(date(2021, 8, 26), date(2021, 8, 26))]


def test_the_day_after_they_left_counts_from_the_act_told_just_before(pipeline: Pipeline) -> None:
    text = (
        "Students kept on building sites\n\n"
        "Students from Hamhung have been working in Samjiyon since late July, a source told us on Monday."
        "\n\nIn mid-September two students slipped out of their dormitory after the evening roll call. They "
        "were caught at Hyesan railway station the day after they left."
    )
    (arrest,) = _events(pipeline, text, date(2019, 10, 9), "arrest")
    assert _window(arrest) == (date(2019, 9, 12), date(2019, 9, 21))


def test_a_handover_told_again_with_its_day_and_an_act_counted_from_the_arrival(pipeline: Pipeline) -> None:
    """ "were sent back across the border late last month" ... "On January 26 the pair were escorted by
    rail from Khasan across the Friendship Bridge" ... "Two days after the men arrived, their wives were
    taken in for questioning": the handover on Jan. 26, the wives' arrest on Jan. 28."""
    text = (
        "Workers who fled Russian site sent home\n\n"
        "Two construction workers who ran away from their site in Russia were sent back across the border "
        "late last month and handed to state security in Rason, a source told us on Friday.\n\n"
        "On January 26 the pair were escorted by rail from Khasan across the Friendship Bridge to Tumangang "
        "station.\n\n"
        "Two days after the men arrived, their wives were taken in for questioning in Chongjin."
    )
    (handover,) = _events(pipeline, text, date(2022, 2, 8), "forced_repatriation")
    (arrest,) = _events(pipeline, text, date(2022, 2, 8), "arrest")
    assert _window(handover) == (date(2022, 1, 26), date(2022, 1, 26))
    assert _window(arrest) == (date(2022, 1, 28), date(2022, 1, 28))


def test_for_two_days_before_they_let_her_sit_is_a_length_not_a_date(pipeline: Pipeline) -> None:
    text = (
        "Woman held in Hyesan\n\n"
        "Agents arrested a woman in Hyesan on Jan. 25, a source told us on Friday.\n\n"
        '"They kept her standing with her face to the wall for two days before they let her sit down," the '
        "source said, adding that she was still being held at the department's detention facility."
    )
    (held,) = _events(pipeline, text, date(2022, 2, 11), "detention")
    first, _ = _window(held)
    assert first is not None and first >= date(2022, 1, 25)


def test_the_older_of_the_two_receiving_a_term_is_the_sentence_told_before(pipeline: Pipeline) -> None:
    text = (
        "Hoeryong puts two men on public trial\n\n"
        "Two men from Hoeryong were sentenced to long terms in a reform camp last week, a source told us.\n\n"
        "The trial was held on the afternoon of March 24 at the city stadium.\n\n"
        "The older of the two, a man in his 40s, received 15 years, and the younger received ten."
    )
    terms = _events(pipeline, text, date(2021, 3, 29), "sentence")
    assert [_window(t) for t in terms] == [(date(2021, 3, 24), date(2021, 3, 24))]


def test_taken_to_the_camp_after_the_trial_is_the_holding_there_not_the_sentence(pipeline: Pipeline) -> None:
    text = (
        "Woman sent back from China gets seven years\n\n"
        "A woman handed back by China in October was sentenced to seven years in a reform camp at a public "
        "trial in Manpo late last month, a source told us on Monday.\n\n"
        "Since her return she had been held by the provincial security bureau in Kanggye, where agents "
        "questioned her about a South Korean church group that ran a shelter in Tonghua.\n\n"
        "The trial took place on December 27. Three days after the trial, she was taken to the reform camp "
        "in Kaechon, the source said."
    )
    published = date(2024, 1, 10)
    (sentence,) = _events(pipeline, text, published, "sentence")
    assert _window(sentence) == (date(2023, 12, 27), date(2023, 12, 27))
    held = {
        _window(e): e.place.name if e.place else None for e in _events(pipeline, text, published, "detention")
    }
    # the holding in Kanggye: its agent is the bureau, not the South Korean group of the relative clause
    assert held.get((date(2023, 10, 1), date(2023, 12, 27))) == "Kanggye"
    assert held.get((date(2023, 12, 30), date(2023, 12, 30))) == "Kaechon"


def test_where_a_buyer_took_the_goods_is_not_the_scene(pipeline: Pipeline) -> None:
    text = (
        "Man executed in Hamju\n\n"
        "A man who sold copper cable was put on public trial in Hamju County late last month, a source "
        "said.\n\n"
        "A week after his arrest, police picked up two men who had bought the copper from him and resold it "
        "to a trader who moved scrap metal by truck to Sinuiju."
    )
    arrests = _events(pipeline, text, date(2024, 2, 7), "arrest")
    assert [e.place.name if e.place else None for e in arrests] == ["Hamju"]


def test_that_night_after_an_act_counted_from_another_is_not_the_day_of_the_telling(
    pipeline: Pipeline,
) -> None:
    text = (
        "Hoeryong phone broker gets eight years\n\n"
        "A man was caught by state security agents in early January, a source in North Hamgyong Province "
        "told us on Friday.\n\n"
        "Three days after his arrest, his wife was taken in for questioning. She was let go that night.\n\n"
        "Kang himself was held at the city state security department for about 45 days."
    )
    (held,) = _events(pipeline, text, date(2021, 3, 15), "detention")
    earliest, latest = _window(held)
    assert earliest is not None and earliest < date(2021, 1, 15)
    assert latest is not None and latest < date(2021, 3, 12)


def test_a_distance_after_they_came_out_of_a_holding_of_a_told_length(pipeline: Pipeline) -> None:
    text = (
        "Traders sent to labor-training unit\n\n"
        "They were caught in early March at a checkpoint on the edge of Kimchaek.\n\n"
        "The pair were first held for 20 days in a quarantine facility in the city.\n\n"
        "Ten days after they came out of quarantine, the city people's committee sentenced both women to six "
        "months in a labor-training unit."
    )
    (term,) = _events(pipeline, text, date(2020, 4, 23), "sentence")
    assert _window(term) == (date(2020, 3, 31), date(2020, 4, 9))


def test_a_date_before_the_distance_that_opens_a_sentence_does_not_make_the_act_counted_from_new(
    pipeline: Pipeline,
) -> None:
    text = (
        "Manpo smuggler gets five years\n\n"
        "A woman was caught by a border patrol late in January, a source told us on Monday.\n\n"
        "Last week, about five weeks after she was caught, the provincial court sentenced her to five years "
        "of reform through labor."
    )
    published = date(2019, 3, 5)
    assert [_window(e) for e in _events(pipeline, text, published, "arrest")] == [
        (date(2019, 1, 21), date(2019, 1, 31))
    ]
    assert len(_events(pipeline, text, published, "sentence")) == 1


def test_a_fine_of_the_crew_and_a_term_of_the_owner_are_two_punishments(pipeline: Pipeline) -> None:
    text = (
        "Rason crew caught\n\n"
        "A fishing crew from Rason was caught selling squid to a Chinese boat in early July, a source "
        "said.\n\n"
        "The crew were questioned for two weeks. At the end of that time each of them was fined 500 yuan "
        "and released.\n\n"
        "Yun was kept in custody. About a month after the arrest, the Rason city court sentenced him to "
        "three years of reform through labor."
    )
    terms = _events(pipeline, text, date(2024, 8, 20), "sentence")
    assert len(terms) == 2


def test_a_term_told_after_a_trial_held_days_before_a_holiday_is_of_the_trials_days(
    pipeline: Pipeline,
) -> None:
    text = (
        "Broker shot after public trial in Kyongwon\n\n"
        "A source told us on Tuesday that authorities in Kyongwon County held a public trial of two men "
        "accused of guiding people across the Tumen River days before the Lunar New Year.\n\n"
        "The older of the two men was tied to a post at the edge of the ground and shot.\n\n"
        "The younger man, who had worked for him as a lookout, was sentenced to fifteen years in a "
        "re-education camp."
    )
    published = date(2024, 2, 21)  # the Lunar New Year fell on February 10
    (trial,) = _events(pipeline, text, published, "meeting")
    assert _window(trial) == (date(2024, 2, 3), date(2024, 2, 9))
    (term,) = _events(pipeline, text, published, "sentence")
    assert _window(term) == (date(2024, 2, 3), date(2024, 2, 9))


def test_a_date_in_an_aside_after_the_act_is_the_asides(pipeline: Pipeline) -> None:
    text = (
        "Guard walks across the Yalu\n\n"
        "A soldier of the border guard unit in Manpo crossed the frozen Yalu River into China on New Year's "
        "Day, a source said on Monday.\n\n"
        "Guard posts along the river near the city have been doubled since the soldier disappeared, and "
        "residents have been told not to set foot on the ice, even to fish, which many families rely on in "
        "winter."
    )
    (ban,) = _events(pipeline, text, date(2018, 1, 9), "movement_restriction")
    assert _window(ban)[0] == date(2018, 1, 1)


def test_a_trial_counted_from_another_date_lies_within_the_days_of_its_execution(pipeline: Pipeline) -> None:
    text = (
        "Two young men shot in Hyesan\n\n"
        "Authorities in Ryanggang Province publicly executed two men late last month, a source in the "
        "province told us on Wednesday.\n\n"
        "The pair were arrested in early August. They then spent close to two months in the holding cells of "
        "the provincial state security department.\n\n"
        "The case went to the provincial court at the beginning of October. About three weeks later, a "
        "public trial was held on the old airfield at the edge of the city."
    )
    (trial,) = _events(pipeline, text, date(2022, 11, 18), "meeting")
    assert _window(trial) == (date(2022, 10, 21), date(2022, 10, 31))


def test_where_a_crossing_was_tried_is_the_scene_of_the_attempt_and_the_capture(pipeline: Pipeline) -> None:
    text = (
        "Chongjin lectures warn border crossers\n\n"
        "Factories across Chongjin held lectures last week, a source told us on Tuesday.\n\n"
        "The lecturers described the case of a young woman from the city who was caught last month as she "
        "tried to cross the Tumen in Musan."
    )
    published = date(2025, 1, 8)
    for type_ in ("arrest", "escape"):
        (act,) = _events(pipeline, text, published, type_)
        assert act.place is not None and act.place.name == "Musan"


def test_months_into_their_detention_count_from_the_arrest_that_began_it(pipeline: Pipeline) -> None:
    text = (
        "Five held over home prayer meetings in Pyongsong\n\n"
        "The five were taken in a dawn raid in mid-March, a source said on Friday.\n\n"
        "About two months into their detention, the retired teacher died in custody."
    )
    (death,) = _events(pipeline, text, date(2023, 6, 12), "ill_treatment")
    earliest, latest = _window(death)
    assert earliest is not None and latest is not None
    assert date(2023, 4, 20) <= earliest and latest <= date(2023, 6, 5)
