"""What a figure counts: item / what / source read by the clause grammar (gold/GUIDELINES.md
"What a figure counts"), and the share links (part_of). Each phrase is from the guideline's examples
or the corpus notices; the expected values were read from the phrase, not from the extractor."""

import pytest

from minshi_extract.pipeline import extract_text

HEAD = "关于印发2025年为民实事实施方案的通知\n"  # a year for the deadlines


def _records(text: str):
    return extract_text(HEAD + text).all_records()


def _field(text: str, evidence: str, name: str):
    hits = [r for r in _records(text) if evidence in r.text]
    assert hits, f"no record with {evidence!r}"
    return getattr(hits[0], name)


ITEMS = [
    # noun phrase + figure: from after the governing verb
    ("在凉州城区增补义务教育阶段中小学学位1080个。", "1080个", "义务教育阶段中小学学位"),
    ("全市新增学位1620个。", "1620个", "学位"),
    ("新建乡镇综合养老服务中心18个。", "18个", "乡镇综合养老服务中心"),
    ("完成困难重度残疾人家庭无障碍改造500户。", "500户", "困难重度残疾人家庭无障碍改造"),
    ("统筹安排资金10040万元。", "10040万元", "资金"),
    ("安排农村危房改造资金500万元。", "500万元", "农村危房改造资金"),
    # figure + measure word + noun phrase
    ("为1.2万名适龄女童接种HPV疫苗。", "1.2万名", "适龄女童"),
    ("建设3个社区食堂。", "3个", "社区食堂"),
    ("包头市2023年十件民生实事出炉。", "十件", "民生实事"),
    ("为6.2万名65周岁以上老年人提供免费健康体检。", "6.2万名", "65周岁以上老年人"),
    # indicators before a linking verb
    ("全市适龄女童HPV疫苗接种率达到90%以上。", "90%", "适龄女童HPV疫苗接种率"),
    ("城镇登记失业率控制在5%以内。", "5%", "城镇登记失业率"),
    ("新增新能源公交车40辆,实现行政村公交通达率100%。", "100%", "行政村公交通达率"),  # 实现 is no part of it
    ("截至6月底,8个项目平均完成年度目标任务的近55%。", "55%", "年度目标任务"),
    ("居民出资比例不低于改造费用的10%。", "10%", "居民出资比例"),
    # a list of nouns after a figure runs over 、; a list of figures does not; ages in a row take the
    # noun after the last; an adverb ends the phrase
    ("为全市3.2万名城乡低保对象、特困人员代缴城乡居民养老保险费。", "3.2万名", "城乡低保对象、特困人员"),
    ("新建幼儿园每所不少于9个班、用地面积不少于5400平方米。", "9个", "班"),
    ("对80周岁至89周岁、90周岁至99周岁老年人发放高龄补贴。", "90周岁", "老年人"),
    ("筛查对象为35周岁至64周岁的农村妇女。", "64周岁", "农村妇女"),
    ("为全区6.8万名65周岁以上老年人免费提供健康体检。", "6.8万名", "65周岁以上老年人"),
    ("路内泊位实行首30分钟免费。", "30分钟", "免费"),
    ("改造提升县级敬老院8所。", "8所", "县级敬老院"),
    # a percentage before 的 + noun is a share of that noun; an indicator before it stays
    ("市住房城乡建设局按照不低于20%的比例进行抽查。", "20%", "比例"),
    ("10月底前完成80%以上的改造工程量。", "80%", "改造工程量"),
    ("对收托率达到60%以上的普惠托育机构给予运营补贴。", "60%", "收托率"),
    # a payer's percentage share takes the item of the amount it shares (GUIDELINES "Hard cases")
    ("全市共需资金792万元,由自治区财政承担60%、市县财政承担40%。", "40%", "资金"),
    # rates: the payment word after 每X, or what a 标准 frame gives
    # GUIDELINES "Hard cases": a thing before the rate is what is paid for; people, a payer or
    # nothing there leave the payment word
    ("村级公共厕所每座补助3万元。", "3万元", "村级公共厕所"),
    ("市级财政对新建公厕每座补助25万元、改建公厕每座补助8万元。", "8万元", "改建公厕"),
    ("对80周岁以上老年人每人每餐补助3元。", "3元", "补助"),
    ("县财政每处补助8万元。", "8万元", "补助"),
    ("完成改造的,每户补助1200元。", "1200元", "补助"),
    ("按照每人每月200元的标准给予运营补贴。", "200元", "运营补贴"),
    # a 标准 frame ending in a payment word names it; 安排X gives X
    ("宫颈癌筛查采用HPV检测方法,按照每人120元的标准补助。", "120元", "补助"),
    ("市、县财政按每座不低于3万元的标准配套。", "3万元", "配套"),
    ("按每人150元的标准安排体检经费,共计1020万元。", "150元", "体检经费"),
    ("按照宫颈癌筛查每人140元、乳腺癌筛查每人120元的标准安排筛查经费。", "120元", "乳腺癌筛查"),
    # a thing the rate counts, after its measure word, when nothing before it names one
    ("市财政对每个城市书房补助50万元,其余由乡镇统筹解决。", "50万元", "城市书房"),
    ("省级补助每所幼儿园80万元,不足部分由县级财政统筹解决。", "80万元", "幼儿园"),
    ("自治区体育彩票公益金对每个社区体育公园补助300万元。", "300万元", "社区体育公园"),  # a long rate noun
    ("每个托位一次性补助1万元。", "1万元", "托位"),
    ("县级财政每台再补助10万元。", "10万元", "补助"),
    ("对加装电梯的,每部电梯市、区两级财政补助20万元。", "20万元", "补助"),  # a payer inside the rate
    ("对煤改电、煤改气改造户每户补助3000元。", "3000元", "补助"),  # households are who is paid
    # a bare 给予补助 does not displace a thing before the rate; it names a payer's or a group's
    ("市本级对新建幼儿园按照每平方米1800元的标准给予奖补。", "1800元", "幼儿园"),
    ("市级财政按照每个市场150万元的标准给予补助。", "150万元", "补助"),
    ("对培训合格的人员,按每人1000元至2000元给予培训补贴。", "每人1000元", "培训补贴"),  # a range names both ends
    ("全年共需资金5亿元,其中省级财政统筹安排3.4亿元。", "3.4亿元", "资金"),  # a payer and its verb: the total's
    ("对筛查确诊的患者按照每人1万元标准给予救助。", "1万元", "救助"),
    ("对运营满6个月的助餐点,每个每年给予运营补贴1.2万元。", "1.2万元", "运营补贴"),
    ("市、县财政按照每人每月200元的标准对普惠托位给予运营补贴。", "200元", "运营补贴"),
    ("对新建助餐点,市级财政按照每个5万元给予一次性建设补助。", "5万元", "一次性建设补助"),
    ("省级财政按每所卫生院60万元标准补助设备购置资金3600万元。", "60万元", "设备购置资金"),
    # time limits and bare age conditions count nothing
    ("审核在10个工作日内办结。", "10个工作日", None),
    ("入住对象须年满60周岁。", "60周岁", None),
    # the duration of an action or of a period names it (GUIDELINES "Hard cases")
    ("助餐点食品留样不少于48小时。", "48小时", "助餐点食品留样"),
    ("严格落实工程质量终身责任制,质保期不少于5年。", "5年", "质保期"),
    ("对运营满1年且考核合格的托育机构给予奖补。", "满1年", "运营"),  # a duration reached: its action
    # people after a beneficiary preposition, with no verb before the figure, are who is counted
    ("为全市农村义务教育学生5.6万人提供营养膳食补助。", "5.6万人", "农村义务教育学生"),
    # 受益 before 人口 is inside the noun; a region's 合计 is a share of the total before it; a rate
    # after an age names nothing
    ("新增农村供水受益人口4.6万人。", "4.6万人", "农村供水受益人口"),
    ("开展宫颈癌筛查3万人,其中海林市3500人、宁安市4000人,城区合计4700人。", "4700人", "宫颈癌筛查"),
    ("其中80周岁至89周岁每人每月100元。", "89周岁", None),
    # a work on things ending the clause after the figure's noun is part of what is counted
    ("完成30个村卫生室标准化建设,每个村卫生室补助8万元。", "30个", "村卫生室标准化建设"),
    ("为65周岁以上常住老年人提供1次免费健康体检。", "1次", "免费健康体检"),  # a service ending the clause
    ("为12万名65岁以上老年人免费体检。", "12万名", "65岁以上老年人"),  # ... not after the people served
    ("到年底,城市社区老年助餐服务覆盖率达到90%以上。", "90%", "城市社区老年助餐服务覆盖率"),
    ("为1.2万名适龄女童接种HPV疫苗。", "1.2万名", "适龄女童"),
    # after a light verb (实施, 开展) a verb and its noun are one nominalised action
    ("同步实施既有住宅加装电梯不少于30部。", "30部", "既有住宅加装电梯"),
    ("开展线上线下招聘活动50场以上。", "50场", "线上线下招聘活动"),
    # a figure in a plan's title counts the thing, not the plan (GUIDELINES rule 6)
    ("新建59个村级互助幸福院实施方案\n一、目标任务\n新建村级互助幸福院59个。", "59个", "村级互助幸福院"),
    # an indicator's name with a verb inside (GUIDELINES rule 6: 城镇新增就业); a verb before 就业… still governs
    ("城镇新增就业1.7万人,其中凉州区10000人。", "10000人", "城镇新增就业"),
    ("新增农村劳动力转移就业2.2万人。", "2.2万人", "农村劳动力转移就业"),
    ("开发就业见习岗位1500个。", "1500个", "就业见习岗位"),
    # nouns joined by 和 up to their head noun are one phrase
    ("为全县3.5万名脱贫人口和监测对象购买防返贫保险。", "3.5万名", "脱贫人口和监测对象"),
    # a long noun phrase runs to its verb past the usual reach; the next figure still ends it
    ("为全县900户分散供养特困人员、低保和低保边缘家庭中的高龄、失能、残疾老年人家庭实施适老化改造。", "900户",
     "分散供养特困人员、低保和低保边缘家庭中的高龄、失能、残疾老年人家庭"),
    # progress on the work (已开工, 在建) counts what the work counts, in its paragraph (GUIDELINES rule 5)
    ("改扩建公办幼儿园20所,新增学位5400个。目前已完工8所,在建12所。", "12所", "公办幼儿园"),
    # progress after a topic leaves the topic; 基本建成 continues it
    ("筹集保障性租赁住房2.5万套,棚户区改造新开工1.8万套、基本建成1.5万套。", "1.8万套", "棚户区改造"),
    ("筹集保障性租赁住房2.5万套,棚户区改造新开工1.8万套、基本建成1.5万套。", "1.5万套", "棚户区改造"),
    ("筹集保障性租赁住房2.5万套。", "2.5万套", "保障性租赁住房"),  # a verb before 性 is an adjective
    # a figure joined to the one before by 、 alone counts the same thing; 含 opens a share like 其中
    ("改造城镇老旧小区42个、1.1万户。", "1.1万户", "城镇老旧小区"),
    ("建设基层胸痛救治单元30个。", "30个", "基层胸痛救治单元"),
    # the time of an action is a noun whatever the verb (开放|时间); a rate's `每X` before the noun is scope
    ("城区公厕开放时间每天不少于16小时。", "16小时", "城区公厕开放时间"),
    ("公共体育场馆每天开放时间不少于12小时。", "12小时", "公共体育场馆每天开放时间"),
    ("每天开放时间不少于12小时。", "12小时", "开放时间"),
    # a year-end report: the result written in the next paragraph counts what the target counts, a verb
    # alone before the figure elides the work's noun, and the regional shares of that result too
    ("年度目标:改造城镇老旧小区60个。\n\n完成情况:已完工58个,惠及居民9000户。", "58个", "城镇老旧小区"),
    ("年度目标:新建社区老年食堂40个。\n\n完成情况:建成43个,超额完成年度任务。", "43个", "社区老年食堂"),
    ("年度目标:新增公共停车泊位5000个。\n\n完成情况:全年新增5200个。其中,朝阳区3000个、海淀区2200个。",
     "朝阳区3000个", "公共停车泊位"),
    # an age range inside the phrase; after an age, a list of nouns runs to its first head
    ("为23万名13至14周岁在校女生免费接种HPV疫苗。", "23万名", "13至14周岁在校女生"),
    ("为60周岁以上低保、特困老年人提供上门服务。", "60周岁以上", "低保、特困老年人"),
    ("对80周岁以上老年人和低保、特困老年人实行优惠助餐。", "80周岁以上", "老年人"),
    ("对60周岁以上低保、特困老年人每餐补贴5元。", "60周岁以上", "低保、特困老年人"),  # a rate is no list member
    # glued figures: each counts its own
    ("建设食堂3个、助餐点5个。", "5个", "助餐点"),
    # a list of values is one thing counted: the clause around the whole list names it; n parallel
    # names before n values name one each, the head after them is the thing
    ("对80周岁以上老年人分别按照每人每月50元、100元、200元的标准发放高龄补贴。", "每人每月50元", "高龄补贴"),
    ("对80周岁以上老年人分别按照每人每月50元、100元、200元的标准发放高龄补贴。", "100元", "高龄补贴"),
    ("全自理、半护理、全护理照料护理标准分别不低于每人每月120元、330元、1000元。", "330元", "照料护理标准"),
    ("中央、省级、市县资金占比分别为50%、30%、20%。", "20%", "资金占比"),
    ("所需资金由省级财政、市级财政、县级财政按照40%、30%、30%的比例分担。", "40%", "比例"),
    ("新增学位300个、500个。", "500个", "学位"),
    ("建设食堂、助餐点分别为3个、5个。", "5个", "食堂、助餐点"),
    # an urban / rural scope names where a share is, not what it pays: the payment of the clause before
    ("为城乡低保对象发放冬季取暖补贴,其中城市每户800元、农村每户500元。", "每户800元", "冬季取暖补贴"),
    # an age bracket before a rate is who is paid: the payment of the clause before names it
    ("为80周岁以上老年人发放高龄津贴,其中80周岁至89周岁每人每月100元、90周岁至99周岁每人每月200元。",
     "每人每月200元", "高龄津贴"),
    # a payer share named by a payer and 自筹 (GUIDELINES "Hard cases"); a payer and 承担 alone inherits
    ("安排资金1.38亿元,其中中央资金6200万元、市县自筹3400万元。", "3400万元", "自筹"),
    # an action alone before a rate is what the rate pays for (GUIDELINES "Hard cases")
    ("对城区公厕实行以奖代补:新建每座补助20万元、改造每座补助6万元。", "6万元", "改造"),
    ("对城区公厕实行以奖代补:新建每座补助20万元、乡镇改建每座补助6万元。", "6万元", "乡镇改建"),
    # a payer's own words in an item stay when more than its verb follows (居民出资及社会资本: a payer)
    ("项目总投资2亿元,其中中央补助1.5亿元,居民出资及社会资本5000万元。", "5000万元", "项目总投资"),
    ("总投资6000万元,其中争取省级资金2000万元,燃气公司自筹4000万元。", "4000万元", "自筹"),
    ("项目总投资1.2亿元,含中央财政补助5400万元。", "5400万元", "补助"),
    ("所需资金2300万元,其中市级财政承担920万元,县(市)区财政承担1380万元。", "1380万元", "所需资金"),
    # a bracket glossing a noun is part of the phrase; a serial number in brackets is not
    ("全市新建老年食堂(老年助餐点)150个,其中柯城区30个、衢江区25个。", "衢江区25个", "老年食堂(老年助餐点)"),
    ("在公共场所配置自动体外除颤器(AED)2000台。", "2000台", "自动体外除颤器(AED)"),
    ("(一)新增学位100个。", "100个", "学位"),
    ("年内实现10个县(市、区)全覆盖。", "10个", "县(市、区)"),  # ... after the figure too
    # a count in brackets after a heading's name glosses it; a verb before 类 is part of the name
    ("(二)医疗卫生类(2项)\n1.新建卫生院3所。", "2项", "医疗卫生类"),
    ("(四)城乡建设类(1项)\n1.改造老旧小区20个。", "1项", "城乡建设类"),
    # an amount never names another figure as its item: a payer alone after 和 takes its total's item
    ("学校项目总投资9000万元,由中央资金5000万元和县级财政4000万元组成。", "4000万元", "学校项目总投资"),
    # a payment named more closely than its bare word (一次性|补助) is the item; a bare one gives way
    # to the thing its rate counts
    ("市级财政每张一次性补助5000元。", "每张一次性补助5000元", "一次性补助"),
    ("每个驿站一次性运营补助8万元。", "8万元", "一次性运营补助"),
    ("新增托位200个,每个托位一次性补助8000元。", "8000元", "托位"),
    # a service paid per person, written between the rate and the amount
    ("县财政按每人血糖检测30元、眼底检查60元的标准补助。", "30元", "血糖检测"),
    # a verb with one character after it makes a word with it (硬化|路, 安置|房)
    ("区级对村组硬化路按每公里30万元补助。", "30万元", "村组硬化路"),
    ("建成安置房860套。", "860套", "安置房"),
    # the payer of a rate goes as the source, the preposition after it with it
    ("县级财政对集中供水工程按每处不超过80万元给予奖补。", "80万元", "集中供水工程"),
    # an age range before a rate is who is paid; a 标准 frame with nothing given after names nothing
    ("残疾人护理补贴600万元,按一级每人每月100元、60—69周岁每人每月80元、70周岁以上每人每月120元的标准按季发放。",
     "每人每月120元", "残疾人护理补贴"),
    ("残疾人护理补贴600万元,按一级每人每月100元、60—69周岁每人每月80元、70周岁以上每人每月120元的标准按季发放。",
     "每人每月80元", "残疾人护理补贴"),
    # a verb that brings in a payer governs it: the payer goes, the share takes its total's item
    ("项目总投资1.5亿元,其中区级财政0.5亿元,吸引社会资本1亿元。", "1亿元", "项目总投资"),
    ("全年兑现奖补资金2100万元。", "2100万元", "奖补资金"),
    # 受益 with the people after it names who benefits (the guideline's 受益人口)
    ("实施供水工程12处,受益山区群众3.2万人。", "3.2万人", "受益山区群众"),
    # verbs that govern what is counted
    ("招聘补充乡村教师120名,打通城区断头路6条,新辟、优化公交线路9条,建成投用敬老院2所。", "120名", "乡村教师"),
    ("招聘补充乡村教师120名,打通城区断头路6条,新辟、优化公交线路9条,建成投用敬老院2所。", "6条", "城区断头路"),
    ("招聘补充乡村教师120名,打通城区断头路6条,新辟、优化公交线路9条,建成投用敬老院2所。", "9条", "公交线路"),
    ("招聘补充乡村教师120名,打通城区断头路6条,新辟、优化公交线路9条,建成投用敬老院2所。", "2所", "敬老院"),
    # a result written with 实际 and the target's verb counts what the target counts
    ("年初计划改造燃气管网60公里,实际改造72公里。", "72公里", "燃气管网"),
    ("全年实际接种人数3.1万人。", "3.1万人", "实际接种人数"),  # 实际 inside a name stays
    # plans a sentence hands out are what it counts; a title's plan word is not
    ("现将2025年县级民生实事5件印发给你们。", "5件", "县级民生实事"),
    ("现将《甲方案》《乙方案》等2个实施方案印发给你们。", "2个", "实施方案"),
    # 按 after the noun of an age opens an adverbial (按月发放), no part of the noun
    ("为全县70周岁以上老年人按月发放高龄津贴。", "70周岁以上", "老年人"),
    # a payer's per cent in a list after 按 is its share of the subject before 按, else of the total
    ("项目所需资金按市级60%、县区40%的比例承担。", "40%", "项目所需资金"),
    ("工程总投资8000万元,按照中央50%、省级30%、市县20%的比例筹措。", "30%", "工程总投资"),
    # a growth after a figure is the growth of what it counts; 各类 is part of the noun
    ("全年发放各类救助资金1.6亿元,比上年增长8.2%。", "8.2%", "各类救助资金"),
    ("年底前农村自来水普及率达到93%。", "93%", "农村自来水普及率"),
    # money already handed down or paid counts what the money before it counts
    ("计划投资3.6亿元,已下达补助资金2.2亿元,已支付1.4亿元。", "1.4亿元", "补助资金"),
    # a change after a figure counts what the figure counts; points change the percentage before
    ("新增公办学位3000个,比上年增加450个。", "450个", "公办学位"),
    ("新改建农村公路90公里、危桥6座,比上年分别增加15公里、2座。", "2座", "危桥"),
    ("家庭医生签约服务覆盖率达到80%,较2023年提高6个百分点。", "6个百分点", "家庭医生签约服务覆盖率"),
    ("助餐服务资金预计450万元。", "450万元", "助餐服务资金"),
    ("项目总投资6000万元,由市、区财政各承担3000万元。", "3000万元", "项目总投资"),
    # parts of a city as the places of shares, not what they count; a modal verb ends a phrase
    ("新增公共停车泊位4000个,其中中心城区2500个、其他县城1500个。", "1500个", "公共停车泊位"),
    ("120个小区须于5月底前全部开工。", "120个", "小区"),
    # the fund after 由 is what is paid (its payer the source); people and what they do are who is paid
    ("所需资金由中央财政养老服务体系建设资金450万元解决。", "450万元", "养老服务体系建设资金"),
    ("对70周岁以上老年人在助餐点就餐的,每餐补贴2元。", "每餐补贴2元", "补贴"),
    # an organisation that pays a share names nothing paid for: its total's item
    ("管线单位出资2亿元,其中燃气企业1.2亿元、供水企业0.8亿元。", "1.2亿元", "出资"),
    ("市、县财政共承担785万元。", "785万元", None),  # a payer and its verb name nothing paid for
    # a place before a year at the start of a title is scope, like the year
    ("庆阳市2024年农村公路提质改造800公里实施方案\n一、目标任务\n完成提质改造。", "800公里", "农村公路提质改造"),
]


@pytest.mark.parametrize(("text", "evidence", "item"), ITEMS)
def test_item(text: str, evidence: str, item: str | None) -> None:
    assert _field(text, evidence, "item") == item


SOURCES = [  # the money rule's former source cases included: the meaning pass owns `source` now
    ("省级财政安排补助资金2070万元。", "2070万元", "省级财政"),
    ("省级投资0.3亿元、政府专项债资金0.4亿元。", "0.3亿元", "省级"),
    ("中央彩票公益金补贴资金54.25万元。", "54.25万元", "中央彩票公益金"),
    ("中央水利发展资金6200万元。", "6200万元", "中央"),
    ("所需资金102万元由市级财政承担。", "102万元", "市级财政"),
    ("市级财政按照每个5万元给予一次性建设补助。", "5万元", "市级财政"),
    ("中央福彩公益金150万元。", "150万元", "中央福彩公益金"),
    ("统筹安排资金10040万元。", "10040万元", None),
    ("所需资金2300万元,其中市级财政承担920万元,县(市)区财政承担1380万元。", "1380万元", "县(市)区财政"),
    # a region's government pays; a one-character county name before a level word is not one (和|县级)
    ("项目总投资2.8亿元,其中市级财政投入1.6亿元,宣州区政府投入1.2亿元。", "1.2亿元", "宣州区政府"),
    ("统筹中央、省就业补助资金和县级就业专项资金1350万元。", "1350万元", "县级"),
    # a level and its 财政 are one payer, however far the funding word is
    ("市级财政对新建社区养老服务中心每个补助30万元。", "30万元", "市级财政"),
    # who pays a total may be said in the next clause, opened by 由
    ("改造农村危房280户,共需补助资金560万元,由区财政全额承担。", "560万元", "区财政"),
    # 由X + a funding verb: X pays, a level or a payer named by its head, the verb however specific
    ("按照每人次80元的标准由县级财政全额保障。", "80元", "县级财政"),
    ("项目总投资约4200万元,由社会资本投资建设。", "4200万元", "社会资本"),
    ("项目总投资5000万元,其中争取上级资金2000万元;其余3000万元由市场经营主体自筹。", "3000万元", "市场经营主体"),
    ("项目总投资5000万元,其中省级补助3900万元,其余1100万元由县(市、区)自筹解决。", "1100万元", "县(市、区)"),
    ("所需资金400万元由中央专项彩票公益金解决。", "400万元", "中央专项彩票公益金"),
    ("所需资金1800万元由中央、省、市、县四级财政共同承担。", "1800万元", "中央、省、市、县四级财政"),
    ("建设补助资金1000万元由省级财政和市级财政按6:4分担。", "1000万元", "省级财政和市级财政"),
    ("其中居民及产权单位出资3000万元。", "3000万元", "居民及产权单位"),
    ("省级以上财政资金42.3亿元。", "42.3亿元", "省级以上财政"),
    ("惠及居民8600户,完成农村危房改造500户,户均补助2.5万元。", "2.5万元", None),  # who benefits pays nothing
    ("自治区体育彩票公益金对每个社区体育公园补助300万元。", "300万元", "自治区体育彩票公益金"),
    ("总投资3200万元,其中县级奖补800万元、企业自筹2400万元。", "2400万元", "企业"),  # GUIDELINES: 企业自筹 -> 企业
    # the last level of a list may stand before its share verb
    ("宫颈癌检查每人补助80元,所需资金270万元由省、市按照7:3的比例分担。", "270万元", "省、市"),
    # funds of several payers paying together name no one payer
    ("项目总投资约9000万元,由省级补助资金和市财政资金共同承担。", "约9000万元", None),
    # payers that split by percentages pay no single amount
    ("全市共需资金792万元,由自治区财政承担60%、市县财政承担40%。", "792万元", None),
    # a share names its own payer or none; the remainder's payer is not the sentence's
    ("中央补助资金2.8亿元按任务分配,其中双清区6400万元、北塔区4000万元。", "6400万元", None),
    ("新建村卫生室每所补助20万元,共需资金1300万元,其中省级补助资金900万元,其余由市县财政解决。",
     "20万元", None),
    ("项目总投资3200万元,其中省级补助2000万元,剩余1200万元由旗本级财政和供热企业承担。",
     "1200万元", "旗本级财政"),
    # the total a rate comes to is paid by the rate's payer, written before the rate or with 由
    ("区财政按每个驿站4万元给予一次性补助,共计280万元。", "280万元", "区财政"),
    ("县级财政对每所村小补助6万元,共需资金540万元。", "540万元", "县级财政"),
    ("免费体检按每人90元标准由县财政承担,所需资金约216万元。", "约216万元", "县财政"),
    # a payer that is its clause's subject before 对 / 按 pays the rates of the sentence
    ("市级对新改建的社区食堂每个补助10万元,最高不超过15万元。", "10万元", "市级"),
    ("市级对新改建的社区食堂每个补助10万元,最高不超过15万元。", "15万元", "市级"),
    # a payer named by its head before a verb only a payer has; 通过 a fund names the fund's payer
    ("总投资6000万元,其中争取省级资金2000万元,燃气公司自筹4000万元。", "4000万元", "燃气公司"),
    ("总投资2亿元,其中市级财政1.2亿元,其余8000万元通过发行地方政府专项债券解决。", "8000万元", "地方政府"),
    # the subject before a colon pays every item of the list after it, up to the full stop
    ("区级按类型实行以奖代补:新建驿站每个补助6万元;改造驿站每个补助2万元。", "2万元", "区级"),
    # a level that is also a place is where, not who, unless a funding word or its 财政 follows
    ("城区新建每座补助20万元,乡镇新建每座补助12万元。", "12万元", None),
    ("其中县级财政300万元、乡镇配套200万元。", "200万元", "乡镇"),
    # a level written with its alternative in brackets is a level (县(市、区), 镇(街道)), a town alone a place
    ("所需资金900万元,其中市级600万元、县(市、区)300万元。", "300万元", "县(市、区)"),
    ("区级财政配套1200万元,镇(街道)配套300万元。", "300万元", "镇(街道)"),
    ("新建幸福院9个,其中东关镇、西关镇各3个,每个幸福院补助运营经费2万元。", "2万元", None),
    ("其余2400万元由各县(市、区)自筹。", "2400万元", "各县(市、区)"),
    # a payer named by its head before 投资, and one brought in by a verb (引入|社会资本)
    ("总投资3亿元,其中市交投集团投资2亿元、引入社会资本1亿元。", "2亿元", "市交投集团"),
    ("总投资3亿元,其中市交投集团投资2亿元、引入社会资本1亿元。", "1亿元", "社会资本"),
    ("其中州县补助0.5万元。", "0.5万元", "州县"),
    ("每餐补贴4元,其中区财政承担3元、街道承担1元。", "1元", "街道"),  # a town alone before its share verb
    ("管线单位出资2亿元,其中燃气企业1.2亿元、供水企业0.8亿元。", "0.8亿元", "供水企业"),
    ("供电、通信等专营单位出资1.1亿元。", "1.1亿元", "供电、通信等专营单位"),
    # a level before a long fund name still pays it
    ("争取省级城乡义务教育薄弱环节改善与能力提升补助资金1500万元。", "1500万元", "省级"),
]


@pytest.mark.parametrize(("text", "evidence", "source"), SOURCES)
def test_source(text: str, evidence: str, source: str | None) -> None:
    assert _field(text, evidence, "source") == source


WHATS = [
    ("11月底前全面完成为民实事。", "11月底前", "全面完成为民实事"),
    ("9月底前完成项目招标。", "9月底前", "完成项目招标"),
    # 将 before an object keeps it (GUIDELINES "Hard cases"); 将 before the verb is "will"
    ("4月20日前将改造任务分解到村到户。", "4月20日前", "将改造任务分解到村到户"),
    ("各县区12月10日前将工作总结报市民政局。", "12月10日前", "将工作总结报市民政局"),
    ("11月底前将全面完成为民实事。", "11月底前", "全面完成为民实事"),
    # the next date after 、 opens the next deadline's action; dates listed together share one
    ("项目11月30日前基本完成、12月底前全面完成。", "11月30日前", "基本完成"),
    ("各地分别于6月底、11月底开展专项督查。", "11月底", "开展专项督查"),
    ("各地分别于6月底、11月底开展专项督查。", "6月底", "开展专项督查"),
    ("12月10日前,市财政局拨付资金。", "12月10日前", "拨付资金"),
    ("11月底前完成建设任务。", "11月底前", "完成建设任务"),
    ("12月10日前,市、县区政府组织验收。", "12月10日前", "组织验收"),  # the acting body goes
    ("3月15日前完成可研编制、立项批复。", "3月15日前", "完成可研编制、立项批复"),
    ("新建幼儿园5所(9月底前投入使用)。", "9月底前", "投入使用"),  # the bracket the date stands in
]


@pytest.mark.parametrize(("text", "evidence", "what"), WHATS)
def test_what(text: str, evidence: str, what: str) -> None:
    assert _field(text, evidence, "what") == what


SHARES = (
    "一、目标任务\n"
    "新建互助幸福院12个,其中凉州区6个、民勤县4个、古浪县2个。\n"
    "二、资金安排\n"
    "项目总投资1850万元,其中中央1000万元、省级500万元、市县350万元。\n"
)


def test_shares_link_to_their_total() -> None:
    notice = extract_text(SHARES)
    recs = {r.text: r for r in notice.all_records()}
    total, homes = recs["1850万元"], recs["12个"]
    assert [recs[t].part_of for t in ("1000万元", "500万元", "350万元")] == [total.id] * 3
    assert [recs[t].source for t in ("1000万元", "500万元", "350万元")] == ["中央", "省级", "市县"]
    assert recs["1000万元"].item == "项目总投资"
    assert [recs[t].part_of for t in ("凉州区6个", "民勤县4个", "古浪县2个")] == [homes.id] * 3
    assert recs["凉州区6个"].item == "互助幸福院"  # a share counts what its total counts
    assert total.part_of is None and total.source is None
    leaves = [r for r in notice.leaf_records() if r.type == "money"]
    assert sum(r.amount_cny for r in leaves) == 18500000  # no double count
    assert not [w for w in notice.warnings if "add up" in w]


def test_parts_that_do_not_add_up_are_warned() -> None:
    notice = extract_text("项目总投资1850万元,其中中央1000万元、省级500万元、市县450万元。\n")
    assert any("1850万元" in w and "add up to 19500000" in w for w in notice.warnings)
    # falling short is no error: 其余 is not written as a figure
    notice = extract_text("项目总投资1850万元,其中中央1000万元、省级500万元,其余由县级自筹。\n")
    assert not [w for w in notice.warnings if "add up" in w]


def test_ids_are_stable_and_unique() -> None:
    notice = extract_text(SHARES)
    ids = [r.id for r in notice.all_records()]
    assert len(ids) == len(set(ids)) and all(ids)
    assert extract_text(SHARES).all_records()[0].id == ids[0]


def test_founding_notice_shares_add_up_to_their_totals() -> None:
    """Read from corpus/wuwei_2025.txt: 1.7万人 = 凉州区10000 + 民勤县2300 + 古浪县2500 + 天祝县2200;
    18个 (其中:凉州区8个、古浪县4个、民勤县、天祝县各3个) and 59个 (其中凉州区12个、古浪县22个、
    民勤县20个、天祝县5个) in one sentence, each 其中 with its own total; the 155户 of P06 and the
    rows 80 / 45 / 30 of its attachment table."""
    from collections import defaultdict
    from pathlib import Path

    from minshi_extract.pipeline import extract

    notice = extract(Path(__file__).resolve().parents[1] / "corpus" / "wuwei_2025.txt")
    by_id = {r.id: r for r in notice.all_records()}
    parts = defaultdict(list)
    for r in notice.all_records():
        if r.part_of:
            parts[r.part_of].append(r)

    def sums(text: str) -> tuple[float, float]:
        total = next(r for r in notice.all_records() if r.text == text and r.id in parts)
        return total.value, sum(p.value for p in parts[total.id])

    assert sums("1.7万人") == (17000, 17000)
    assert sums("18个") == (18, 18)
    assert sums("59个") == (59, 59)
    assert sums("155户") == (155, 155)
    assert all(by_id[t].id != r.id for t, rs in parts.items() for r in rs)


WRAPPED = """关于印发某市2022年惠民实事实施方案的通知
某市2022年农村危房改造实施方案
一、目标任务
完成农村危房改造2000户,户均补助1.4万元。6月底前开
工率达到80%以上,11月底前全
部竣工。
二、任务分解
县区
任务数(户)
东山县
1200
蔚县
800
"""


def test_line_breaks_inside_a_sentence_do_not_cut_its_phrases() -> None:
    # a PDF copy keeps the page's line breaks: 开 / 工率, 全 / 部竣工
    records = extract_text(WRAPPED).all_records()
    pct = next(r for r in records if r.type == "percentage")
    assert pct.item == "开工率"
    whats = {r.text: r.what for r in records if r.type == "deadline"}
    assert whats["6月底前"] == "开工率达到80%以上"
    assert whats["11月底前"] == "全部竣工"
    rows = {r.region: r.item for r in records if r.type == "quantity" and r.region}
    assert rows == {"东山县": "任务数", "蔚县": "任务数"}  # table lines are never joined


def test_a_line_break_after_a_sentence_ended_inside_the_line_is_soft() -> None:
    text = "(一)摸底申报阶段(1月—3月)。3月底前完成改\n厕户摸底、申报和公示。"
    d = next(r for r in _records(text) if r.type == "deadline" and r.text.startswith("3月底前"))
    assert d.what == "完成改厕户摸底、申报和公示"


def test_a_bare_date_is_due_with_its_programme_title_without_the_plan_word() -> None:
    text = ("某县人民政府办公室关于印发某县2021年为民办实事项目实施方案的通知\n\n各乡镇人民政府:\n"
            "现将实施方案印发给你们,请认真贯彻执行。\n\n某县人民政府办公室\n2021年2月20日\n\n"
            "就业创业服务项目实施方案\n\n一、目标任务\n新增城镇就业1500人。\n二、完成时限\n2021年12月底前。\n")
    deadlines = [r for r in extract_text(text).all_records() if r.type == "deadline"]
    assert [(r.text, r.what) for r in deadlines] == [("2021年12月底前", "就业创业服务项目")]


@pytest.mark.parametrize(
    ("text", "total", "shares"),
    [
        # parts without 其中 that add up exactly to the figure before them (GUIDELINES part_of)
        ("项目总投资4.48亿元,资金来源为:车购税资金1.68亿元,省级交通专项资金1.12亿元,地方政府一般债券0.9亿元,"
         "县级自筹0.78亿元。", "4.48亿元", ["1.68亿元", "1.12亿元", "0.9亿元", "0.78亿元"]),
        ("新建改造公共厕所45座,新建20座、改造25座。", "45座", ["20座", "25座"]),
        # a sentence opening with 其中 splits the figure of its kind in the sentence before
        ("六、新建改造农村公路150公里。其中“四好农村路”示范路30公里。", "150公里", ["30公里"]),
        ("所需资金6020万元。其中,中央和省级财政4816万元。", "6020万元", ["4816万元"]),
        # a share with a floor after 其中 is a share
        ("完成食品安全抽检4000批次,其中农产品抽检不少于1500批次。", "4000批次", ["不少于1500批次"]),
        # regional shares written before their total, which they add up to
        ("城关区新建12个、七里河区8个,全市共新建社区食堂20个。", "20个", ["12个", "8个"]),
        # seven payers that add up exactly (the sum may run over more than six figures)
        ("工程总投资2.1亿元,资金来源为:中央资金6000万元,省级补助3000万元,专项债券5000万元,市级配套2500万元,"
         "县级配套2000万元,村集体自筹1000万元,供水企业自筹1500万元。", "2.1亿元",
         ["6000万元", "3000万元", "5000万元", "2500万元", "2000万元", "1000万元", "1500万元"]),
        # a 其中 whose parts run on over `;`: the first figure of each part splits the total, a part's
        # other figures split that part (即…、…; 共X after a rate is what the rate comes to, no rate)
        ("计划投资3000万元。其中,综合服务中心建设资金1200万元,即市级720万元、县级480万元;服务站建设资金"
         "1000万元,按每站20万元标准建设,争取福彩公益金每站5万元(共250万元),其余750万元由县级财政承担;"
         "运营补贴800万元。", "3000万元", ["1200万元", "1000万元", "800万元"]),
        ("计划投资3000万元。其中,综合服务中心建设资金1200万元,即市级720万元、县级480万元;服务站建设资金"
         "1000万元,按每站20万元标准建设,争取福彩公益金每站5万元(共250万元),其余750万元由县级财政承担;"
         "运营补贴800万元。", "1200万元", ["720万元", "480万元"]),
        ("计划投资3000万元。其中,综合服务中心建设资金1200万元,即市级720万元、县级480万元;服务站建设资金"
         "1000万元,按每站20万元标准建设,争取福彩公益金每站5万元(共250万元),其余750万元由县级财政承担;"
         "运营补贴800万元。", "1000万元", ["250万元", "750万元"]),
    ],
)
def test_parts_link_to_the_total_they_split(text: str, total: str, shares: list[str]) -> None:
    recs = [r for r in _records(text) if r.type in ("money", "quantity")]
    t = next(r for r in recs if r.text.endswith(total))
    linked = [r.text for r in recs if r.part_of == t.id]
    assert len(linked) == len(shares) and all(x.endswith(s) for x, s in zip(linked, shares, strict=True))


def test_a_sentence_opening_with_qizhong_links_only_what_counts_the_same_thing() -> None:
    recs = _records("新建城区公共停车泊位1500个。其中新建公共停车场6个。")
    assert [r.text for r in recs if r.part_of] == []  # parking lots are no share of parking spaces


def test_parts_that_do_not_add_up_or_an_approximate_total_link_nothing() -> None:
    recs = _records("改扩建公办幼儿园20所左右。目前已完工8所,在建12所。新建公厕45座,新建20座、改造24座。")
    assert [r.text for r in recs if r.part_of] == []
