import type { ProcedureDefinition } from "../../app/domain/procedures/procedure";

/*
 * Commune-level administrative procedures (thủ tục hành chính cấp xã) for the one-stop desk of
 * UBND xã Mường Sai (Sơn La). Seed data only: the quality lead corrects it in the procedure editor.
 *
 * Codes, times and fees follow the national procedures database and the laws cited in each entry.
 * Lines marked `// check code` carry a code that could not be confirmed and must be checked against
 * the national database (dichvucong.gov.vn) before publishing. Fees set by the HĐND of Sơn La are
 * left as `feeVnd: null` with a note until the province's resolution is entered.
 */

const SAME_DAY =
  "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.";

const SAME_DAY_CERTIFICATION =
  "Trong ngày tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ; trường hợp yêu cầu chứng thực với số lượng lớn thì thời hạn được kéo dài theo thỏa thuận bằng văn bản với người yêu cầu chứng thực.";

const SAME_DAY_COPY =
  "Ngay trong ngày tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ.";

const CONTRACT_TIME =
  "Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, hoặc dài hơn theo thỏa thuận bằng văn bản với người yêu cầu chứng thực.";

const PROVINCIAL_CIVIL_FEE =
  "Lệ phí theo Nghị quyết của HĐND tỉnh Sơn La. Miễn lệ phí cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật (Luật Hộ tịch, Điều 11).";

const COPY_FEE =
  "2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản (Thông tư số 226/2016/TT-BTC).";

const NO_FEE = "Không thu phí, lệ phí.";

const IDENTITY =
  "Xuất trình giấy tờ tùy thân còn giá trị sử dụng (thẻ căn cước, thẻ căn cước công dân hoặc hộ chiếu) hoặc tài khoản định danh điện tử VNeID mức độ 2";

const AUTHORISATION =
  "Văn bản ủy quyền nếu nộp hồ sơ thay (không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền)";

const CIVIL_STATUS_LAW = [
  "Luật Hộ tịch số 60/2014/QH13",
  "Nghị định số 123/2015/NĐ-CP",
  "Nghị định số 07/2025/NĐ-CP",
  "Nghị định số 120/2025/NĐ-CP",
  "Thông tư số 04/2020/TT-BTP",
];

const CIVIL_STATUS_LAW_WITH_FEES = [...CIVIL_STATUS_LAW, "Thông tư số 85/2019/TT-BTC"];

const CERTIFICATION_LAW = [
  "Nghị định số 23/2015/NĐ-CP",
  "Nghị định số 120/2025/NĐ-CP",
  "Thông tư số 01/2020/TT-BTP",
  "Thông tư số 226/2016/TT-BTC",
];

export const PROCEDURE_CATALOGUE: readonly ProcedureDefinition[] = [
  // ---------------------------------------------------------------- Hộ tịch (civil status)
  {
    code: "1.001193",
    name: "Thủ tục đăng ký khai sinh",
    field: "civil_status",
    processingDays: 0,
    processingNote: SAME_DAY,
    feeVnd: null,
    feeNote:
      "Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh). Đăng ký quá hạn: lệ phí theo Nghị quyết của HĐND tỉnh Sơn La, trừ các trường hợp được miễn theo Điều 11 Luật Hộ tịch.",
    onlineService: "full",
    requiredDocuments: [
      "Tờ khai đăng ký khai sinh theo mẫu",
      "Giấy chứng sinh (bản chính); nếu không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh, nếu không có người làm chứng thì nộp giấy cam đoan về việc sinh",
      "Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập (đối với trẻ em bị bỏ rơi)",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Giấy khai sinh (bản chính); bản sao Trích lục khai sinh nếu có yêu cầu.",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "1.000894",
    name: "Thủ tục đăng ký kết hôn",
    field: "civil_status",
    processingDays: 0,
    processingNote: `${SAME_DAY} Trường hợp cần xác minh điều kiện kết hôn của hai bên nam, nữ thì thời hạn giải quyết không quá 05 ngày làm việc. Hai bên nam, nữ phải cùng có mặt khi đăng ký kết hôn.`,
    feeVnd: null,
    feeNote: "Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước (Luật Hộ tịch, Điều 11).",
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đăng ký kết hôn theo mẫu (hai bên nam, nữ có thể khai chung một tờ khai)",
      "Giấy xác nhận tình trạng hôn nhân do UBND cấp xã có thẩm quyền cấp (trường hợp người yêu cầu không cư trú tại xã nơi đăng ký kết hôn và thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử)",
      "Trích lục ghi chú ly hôn hoặc giấy tờ chứng minh việc ly hôn, hủy việc kết hôn đã có hiệu lực (nếu đã từng kết hôn)",
      "Xuất trình giấy tờ tùy thân còn giá trị sử dụng của cả hai bên nam, nữ",
    ],
    result: "Giấy chứng nhận kết hôn (bản chính), mỗi bên vợ, chồng được cấp 01 bản.",
    legalBasis: [...CIVIL_STATUS_LAW, "Luật Hôn nhân và gia đình số 52/2014/QH13", "Thông tư số 85/2019/TT-BTC"],
  },
  {
    code: "1.000656",
    name: "Thủ tục đăng ký khai tử",
    field: "civil_status",
    processingDays: 0,
    processingNote: `${SAME_DAY} Trường hợp cần xác minh thì thời hạn giải quyết không quá 03 ngày làm việc.`,
    feeVnd: null,
    feeNote:
      "Miễn lệ phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày chết). Đăng ký quá hạn: lệ phí theo Nghị quyết của HĐND tỉnh Sơn La, trừ các trường hợp được miễn theo Điều 11 Luật Hộ tịch.",
    onlineService: "full",
    requiredDocuments: [
      "Tờ khai đăng ký khai tử theo mẫu",
      "Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp (bản chính)",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Trích lục khai tử (bản chính).",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "1.001022",
    name: "Thủ tục đăng ký nhận cha, mẹ, con",
    field: "civil_status",
    processingDays: 3,
    processingNote:
      "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh thì thời hạn được kéo dài thêm không quá 05 ngày làm việc. Bên nhận và bên được nhận phải có mặt khi đăng ký.",
    feeVnd: null,
    feeNote: PROVINCIAL_CIVIL_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đăng ký nhận cha, mẹ, con theo mẫu",
      "Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha – con hoặc mẹ – con; nếu không có thì văn bản cam đoan của cha, mẹ về quan hệ cha, mẹ, con, có ít nhất hai người làm chứng",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Trích lục đăng ký nhận cha, mẹ, con (bản chính).",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "1.000689",
    name: "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
    field: "civil_status",
    processingDays: 3,
    processingNote:
      "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh thì thời hạn được kéo dài thêm không quá 05 ngày làm việc.",
    feeVnd: null,
    feeNote:
      "Miễn lệ phí đăng ký khai sinh đúng hạn. Lệ phí đăng ký nhận cha, mẹ, con theo Nghị quyết của HĐND tỉnh Sơn La; miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật (Luật Hộ tịch, Điều 11).",
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con theo mẫu",
      "Giấy chứng sinh (bản chính) hoặc giấy tờ thay Giấy chứng sinh",
      "Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha – con hoặc mẹ – con; nếu không có thì văn bản cam đoan về quan hệ cha, mẹ, con, có ít nhất hai người làm chứng",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Giấy khai sinh (bản chính) và Trích lục đăng ký nhận cha, mẹ, con (bản chính).",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "1.004884",
    name: "Thủ tục đăng ký lại khai sinh",
    field: "civil_status",
    processingDays: 5,
    processingNote:
      "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh tại nơi đã đăng ký khai sinh trước đây thì thời hạn được kéo dài theo thời gian xác minh. Chỉ áp dụng khi cả Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất.",
    feeVnd: null,
    feeNote: PROVINCIAL_CIVIL_FEE,
    onlineService: "full",
    requiredDocuments: [
      "Tờ khai đăng ký lại khai sinh theo mẫu, trong đó có cam đoan về việc đã đăng ký khai sinh nhưng không lưu giữ được bản chính Giấy khai sinh",
      "Bản sao Giấy khai sinh cấp trước đây (nếu có); nếu không có thì bản sao các hồ sơ, giấy tờ cá nhân có thông tin về khai sinh (căn cước, hộ chiếu, học bạ, văn bằng, hồ sơ bảo hiểm…)",
      "Văn bản xác nhận của thủ trưởng cơ quan, đơn vị về nội dung khai sinh (đối với cán bộ, công chức, viên chức, người đang công tác trong lực lượng vũ trang)",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Giấy khai sinh (bản chính) có ghi “Đăng ký lại”.",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "1.004746",
    name: "Thủ tục đăng ký lại kết hôn",
    field: "civil_status",
    processingDays: 5,
    processingNote:
      "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh tại nơi đã đăng ký kết hôn trước đây thì thời hạn được kéo dài theo thời gian xác minh. Hai bên vợ, chồng phải cùng có mặt khi đăng ký lại.",
    feeVnd: null,
    feeNote: PROVINCIAL_CIVIL_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đăng ký lại kết hôn theo mẫu",
      "Bản sao Giấy chứng nhận kết hôn cấp trước đây (nếu có); nếu không có thì giấy tờ, tài liệu có nội dung liên quan đến việc đăng ký kết hôn",
      "Xuất trình giấy tờ tùy thân còn giá trị sử dụng của cả hai bên vợ, chồng",
    ],
    result: "Giấy chứng nhận kết hôn (bản chính) có ghi “Đăng ký lại”.",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "1.005461",
    name: "Thủ tục đăng ký lại khai tử",
    field: "civil_status",
    processingDays: 5,
    processingNote:
      "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh thì thời hạn được kéo dài theo thời gian xác minh.",
    feeVnd: null,
    feeNote: PROVINCIAL_CIVIL_FEE,
    onlineService: "full",
    requiredDocuments: [
      "Tờ khai đăng ký lại khai tử theo mẫu",
      "Bản sao Giấy chứng tử hoặc Trích lục khai tử cấp trước đây; nếu không có thì giấy tờ, tài liệu có nội dung chứng minh sự kiện chết",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Trích lục khai tử (bản chính) có ghi “Đăng ký lại”.",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "1.004837",
    name: "Thủ tục đăng ký giám hộ",
    field: "civil_status",
    processingDays: 3,
    processingNote: "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    feeVnd: null,
    feeNote: "Miễn lệ phí đăng ký giám hộ (Luật Hộ tịch, Điều 11).",
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đăng ký giám hộ theo mẫu",
      "Văn bản cử người giám hộ theo Bộ luật Dân sự (giám hộ cử) hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên (giám hộ đương nhiên); nếu có nhiều người cùng đủ điều kiện làm giám hộ đương nhiên thì nộp thêm văn bản thỏa thuận cử một người làm giám hộ",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Trích lục đăng ký giám hộ (bản chính).",
    legalBasis: [...CIVIL_STATUS_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
  },
  {
    code: "1.004845",
    name: "Thủ tục đăng ký chấm dứt giám hộ",
    field: "civil_status",
    processingDays: 2,
    processingNote: "02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    feeVnd: null,
    feeNote: PROVINCIAL_CIVIL_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đăng ký chấm dứt giám hộ theo mẫu",
      "Giấy tờ làm căn cứ chấm dứt giám hộ theo quy định của Bộ luật Dân sự",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Trích lục đăng ký chấm dứt giám hộ (bản chính).",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES, "Bộ luật Dân sự số 91/2015/QH13"],
  },
  {
    code: "1.004859",
    name: "Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
    field: "civil_status",
    processingDays: 3,
    processingNote:
      "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh thì thời hạn được kéo dài thêm không quá 03 ngày làm việc.",
    feeVnd: null,
    feeNote: PROVINCIAL_CIVIL_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc theo mẫu",
      "Bản chính giấy tờ hộ tịch cần thay đổi, cải chính, bổ sung (Giấy khai sinh, Giấy chứng nhận kết hôn…)",
      "Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
      "Ý kiến đồng ý của người được thay đổi họ, chữ đệm, tên nếu người đó từ đủ 09 tuổi trở lên (thể hiện trong Tờ khai)",
      AUTHORISATION,
      IDENTITY,
    ],
    result:
      "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (bản chính); nội dung được ghi vào Sổ hộ tịch và bản chính giấy tờ hộ tịch.",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES, "Bộ luật Dân sự số 91/2015/QH13"],
  },
  {
    code: "2.000635",
    name: "Thủ tục cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh",
    field: "civil_status",
    processingDays: 0,
    processingNote: SAME_DAY,
    feeVnd: 8000,
    feeNote: "8.000 đồng/bản sao Trích lục/sự kiện hộ tịch đã đăng ký (Thông tư số 281/2016/TT-BTC).",
    onlineService: "full",
    requiredDocuments: [
      "Tờ khai cấp bản sao Trích lục hộ tịch theo mẫu",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Bản sao Trích lục hộ tịch (bản sao Giấy khai sinh, Trích lục kết hôn, Trích lục khai tử…) theo yêu cầu.",
    legalBasis: [...CIVIL_STATUS_LAW, "Thông tư số 281/2016/TT-BTC"],
  },
  {
    code: "1.004873",
    name: "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
    field: "civil_status",
    processingDays: 3,
    processingNote:
      "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh tại nơi người yêu cầu đã từng cư trú thì thời hạn được kéo dài theo thời gian xác minh.",
    feeVnd: null,
    feeNote: PROVINCIAL_CIVIL_FEE,
    onlineService: "full",
    requiredDocuments: [
      "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu",
      "Giấy tờ chứng minh việc ly hôn hoặc người vợ, chồng đã chết (nếu người yêu cầu đã có vợ, chồng nhưng đã ly hôn hoặc người kia đã chết)",
      "Giấy xác nhận tình trạng hôn nhân đã cấp trước đây (trường hợp yêu cầu cấp lại để sử dụng vào mục đích khác hoặc do đã hết thời hạn sử dụng)",
      AUTHORISATION,
      IDENTITY,
    ],
    result: "Giấy xác nhận tình trạng hôn nhân (có giá trị sử dụng 06 tháng kể từ ngày cấp).",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "1.003583",
    name: "Thủ tục đăng ký khai sinh lưu động",
    field: "civil_status",
    processingDays: 5,
    processingNote:
      "UBND xã tổ chức đăng ký tại nhà hoặc tại địa điểm tổ chức đăng ký lưu động khi cha, mẹ bị khuyết tật, ốm bệnh, đang chấp hành hình phạt tù hoặc vì lý do khách quan khác không thể đi đăng ký khai sinh; trả kết quả trong thời hạn 05 ngày làm việc kể từ ngày tiếp nhận hồ sơ.",
    feeVnd: null,
    feeNote:
      "Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh) và cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật (Luật Hộ tịch, Điều 11).",
    onlineService: "none",
    requiredDocuments: [
      "Tờ khai đăng ký khai sinh theo mẫu (công chức tư pháp – hộ tịch hướng dẫn kê khai tại nơi đăng ký lưu động)",
      "Giấy chứng sinh (bản chính) hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh",
      IDENTITY,
    ],
    result: "Giấy khai sinh (bản chính), trao tại nhà hoặc tại địa điểm đăng ký lưu động.",
    legalBasis: [...CIVIL_STATUS_LAW_WITH_FEES],
  },
  {
    code: "3.000722", // check code
    name: "Liên thông điện tử: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế, cấp thẻ căn cước cho trẻ em dưới 6 tuổi",
    field: "civil_status",
    processingDays: 5,
    processingNote:
      "Tổng thời hạn giải quyết nhóm thủ tục liên thông không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; việc đăng ký khai sinh được giải quyết ngay trong ngày.",
    feeVnd: null,
    feeNote:
      "Miễn lệ phí đăng ký khai sinh đúng hạn; thẻ bảo hiểm y tế của trẻ em dưới 6 tuổi do ngân sách nhà nước đóng. Lệ phí đăng ký thường trú và cấp thẻ căn cước (nếu có) theo quy định hiện hành.",
    onlineService: "full",
    requiredDocuments: [
      "Tờ khai (biểu mẫu điện tử) liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế, cấp thẻ căn cước",
      "Giấy chứng sinh (bản điện tử hoặc bản chụp); nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh",
      "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (trường hợp trẻ đăng ký thường trú tại nơi khác nơi thường trú của cha, mẹ)",
      AUTHORISATION,
    ],
    result:
      "Giấy khai sinh (bản điện tử; bản giấy nếu có yêu cầu), thông tin đăng ký thường trú được cập nhật vào Cơ sở dữ liệu về cư trú, thẻ bảo hiểm y tế, thẻ căn cước (nếu đề nghị cấp).",
    legalBasis: [
      "Luật Hộ tịch số 60/2014/QH13",
      "Luật Cư trú số 68/2020/QH14",
      "Luật Căn cước số 26/2023/QH15",
      "Luật Bảo hiểm y tế số 25/2008/QH12 (sửa đổi, bổ sung)",
      "Nghị định số 63/2024/NĐ-CP",
      "Nghị định số 123/2015/NĐ-CP",
    ],
  },

  // ---------------------------------------------------------------- Chứng thực (justice)
  {
    code: "2.000815",
    name: "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
    field: "justice",
    processingDays: 0,
    processingNote: SAME_DAY_CERTIFICATION,
    feeVnd: 2000,
    feeNote: COPY_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao (không bị tẩy xóa, sửa chữa, hư hỏng, cũ nát đến mức không xác định được nội dung)",
      "Bản sao cần chứng thực (trường hợp người yêu cầu tự nộp bản chụp)",
    ],
    result: "Bản sao được chứng thực từ bản chính.",
    legalBasis: [...CERTIFICATION_LAW],
  },
  {
    code: "2.000884",
    name: "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)",
    field: "justice",
    processingDays: 0,
    processingNote: `${SAME_DAY_CERTIFICATION} Người yêu cầu phải ký (điểm chỉ) trước mặt người thực hiện chứng thực.`,
    feeVnd: 10000,
    feeNote: "10.000 đồng/trường hợp (một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản) (Thông tư số 226/2016/TT-BTC).",
    onlineService: "none",
    requiredDocuments: [
      "Giấy tờ, văn bản cần chứng thực chữ ký (chưa ký)",
      "Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân còn giá trị sử dụng (thẻ căn cước, thẻ căn cước công dân hoặc hộ chiếu) của người yêu cầu",
    ],
    result: "Giấy tờ, văn bản đã được chứng thực chữ ký (có lời chứng của người thực hiện chứng thực).",
    legalBasis: [...CERTIFICATION_LAW],
  },
  {
    code: "2.001035",
    name: "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở",
    field: "justice",
    processingDays: 2,
    processingNote: `${CONTRACT_TIME} Các bên phải ký trước mặt người thực hiện chứng thực.`,
    feeVnd: 50000,
    feeNote: "50.000 đồng/hợp đồng, giao dịch (Thông tư số 226/2016/TT-BTC).",
    onlineService: "none",
    requiredDocuments: [
      "Dự thảo hợp đồng, giao dịch",
      "Bản sao giấy tờ tùy thân còn giá trị sử dụng của người yêu cầu chứng thực (kèm bản chính để đối chiếu)",
      "Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản hoặc giấy tờ thay thế theo quy định (đối với tài sản phải đăng ký quyền sở hữu, quyền sử dụng) kèm bản chính để đối chiếu",
      "Giấy tờ chứng minh thẩm quyền của người đại diện (nếu là người đại diện)",
    ],
    result: "Hợp đồng, giao dịch được chứng thực.",
    legalBasis: [
      ...CERTIFICATION_LAW,
      "Bộ luật Dân sự số 91/2015/QH13",
      "Luật Đất đai số 31/2024/QH15",
      "Luật Nhà ở số 27/2023/QH15",
    ],
  },
  {
    code: "2.000913",
    name: "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch",
    field: "justice",
    processingDays: 2,
    processingNote: `${CONTRACT_TIME} Các bên đã tham gia hợp đồng, giao dịch phải cùng có mặt ký văn bản sửa đổi, bổ sung, hủy bỏ.`,
    feeVnd: 30000,
    feeNote: "30.000 đồng/hợp đồng, giao dịch (Thông tư số 226/2016/TT-BTC).",
    onlineService: "none",
    requiredDocuments: [
      "Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch",
      "Hợp đồng, giao dịch đã được chứng thực trước đây (bản chính)",
      "Bản sao giấy tờ tùy thân còn giá trị sử dụng của các bên (kèm bản chính để đối chiếu)",
      "Bản sao giấy tờ về tài sản (trường hợp nội dung sửa đổi, bổ sung liên quan đến tài sản) kèm bản chính để đối chiếu",
    ],
    result: "Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch được chứng thực.",
    legalBasis: [...CERTIFICATION_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
  },
  {
    code: "2.000942", // check code
    name: "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
    field: "justice",
    processingDays: 0,
    processingNote: SAME_DAY_COPY,
    feeVnd: 2000,
    feeNote: COPY_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Văn bản yêu cầu cấp bản sao có chứng thực hợp đồng, giao dịch (người yêu cầu phải là bên tham gia hợp đồng, giao dịch, người thừa kế hoặc người có quyền, nghĩa vụ liên quan)",
      "Giấy tờ chứng minh là người thừa kế hoặc có quyền, nghĩa vụ liên quan (nếu không phải là bên tham gia hợp đồng, giao dịch)",
      IDENTITY,
    ],
    result: "Bản sao có chứng thực từ bản chính hợp đồng, giao dịch đang lưu trữ tại UBND xã.",
    legalBasis: [...CERTIFICATION_LAW],
  },
  {
    code: "2.001019",
    name: "Chứng thực di chúc",
    field: "justice",
    processingDays: 2,
    processingNote: `${CONTRACT_TIME} Người lập di chúc phải tự mình yêu cầu chứng thực và ký trước mặt người thực hiện chứng thực.`,
    feeVnd: 50000,
    feeNote: "50.000 đồng/di chúc (Thông tư số 226/2016/TT-BTC).",
    onlineService: "none",
    requiredDocuments: [
      "Dự thảo di chúc",
      "Bản sao giấy tờ tùy thân còn giá trị sử dụng của người lập di chúc (kèm bản chính để đối chiếu)",
      "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản (nếu di chúc định đoạt tài sản phải đăng ký quyền sở hữu, quyền sử dụng) kèm bản chính để đối chiếu",
    ],
    result: "Di chúc được chứng thực.",
    legalBasis: [...CERTIFICATION_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
  },
  {
    code: "2.001016",
    name: "Chứng thực văn bản từ chối nhận di sản",
    field: "justice",
    processingDays: 2,
    processingNote: `${CONTRACT_TIME} Người từ chối nhận di sản phải ký trước mặt người thực hiện chứng thực.`,
    feeVnd: 50000,
    feeNote: "50.000 đồng/văn bản (Thông tư số 226/2016/TT-BTC).",
    onlineService: "none",
    requiredDocuments: [
      "Dự thảo văn bản từ chối nhận di sản",
      "Bản sao giấy tờ tùy thân còn giá trị sử dụng của người từ chối nhận di sản (kèm bản chính để đối chiếu)",
      "Bản sao giấy tờ chứng minh quyền hưởng di sản (di chúc, giấy tờ chứng minh quan hệ thừa kế) và giấy chứng tử hoặc trích lục khai tử của người để lại di sản",
    ],
    result: "Văn bản từ chối nhận di sản được chứng thực.",
    legalBasis: [...CERTIFICATION_LAW, "Bộ luật Dân sự số 91/2015/QH13"],
  },
  {
    code: "2.000908",
    name: "Cấp bản sao từ sổ gốc",
    field: "justice",
    processingDays: 0,
    processingNote: SAME_DAY_COPY,
    feeVnd: null,
    feeNote: NO_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Văn bản (phiếu) yêu cầu cấp bản sao từ sổ gốc",
      "Giấy tờ chứng minh quan hệ với người được cấp bản chính (trường hợp người yêu cầu là người thân thích, người thừa kế hoặc người đại diện theo pháp luật)",
      IDENTITY,
    ],
    result: "Bản sao từ sổ gốc.",
    legalBasis: ["Nghị định số 23/2015/NĐ-CP", "Thông tư số 01/2020/TT-BTP"],
  },

  // ---------------------------------------------------------------- Đất đai, xây dựng (land & construction)
  {
    code: "1.012812",
    name: "Hòa giải tranh chấp đất đai",
    field: "land_construction",
    processingDays: 20,
    processingNote:
      "Không quá 30 ngày kể từ ngày UBND xã nhận được đơn yêu cầu hòa giải (ngày theo lịch). Hạn hẹn tính 20 ngày làm việc để không vượt thời hạn luật định.",
    feeVnd: null,
    feeNote: NO_FEE,
    onlineService: "none",
    requiredDocuments: [
      "Đơn yêu cầu hòa giải tranh chấp đất đai",
      "Giấy tờ, tài liệu liên quan đến thửa đất đang tranh chấp (nếu có)",
      IDENTITY,
    ],
    result:
      "Biên bản hòa giải thành hoặc hòa giải không thành có chữ ký của các bên và xác nhận của UBND xã.",
    legalBasis: ["Luật Đất đai số 31/2024/QH15", "Nghị định số 102/2024/NĐ-CP", "Nghị định số 151/2025/NĐ-CP"],
  },
  {
    code: "1.013978", // check code
    name: "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài",
    field: "land_construction",
    processingDays: 30,
    processingNote:
      "Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, tăng thêm 10 ngày làm việc đối với xã miền núi, vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn; không tính thời gian thực hiện nghĩa vụ tài chính của người sử dụng đất và thời gian xem xét xử lý vi phạm (nếu có).",
    feeVnd: null,
    feeNote:
      "Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo Nghị quyết của HĐND tỉnh Sơn La; tiền sử dụng đất, lệ phí trước bạ (nếu có) theo thông báo của cơ quan thuế.",
    onlineService: "partial",
    requiredDocuments: [
      "Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu",
      "Một trong các loại giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai (nếu có)",
      "Mảnh trích đo bản đồ địa chính thửa đất (đối với nơi chưa có bản đồ địa chính)",
      "Giấy tờ về tài sản gắn liền với đất (trường hợp đăng ký quyền sở hữu tài sản)",
      "Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ về miễn, giảm nghĩa vụ tài chính (nếu có)",
      AUTHORISATION,
    ],
    result:
      "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất; hoặc xác nhận đăng ký đất đai vào hồ sơ địa chính đối với trường hợp không đủ điều kiện cấp Giấy chứng nhận.",
    legalBasis: [
      "Luật Đất đai số 31/2024/QH15",
      "Nghị định số 101/2024/NĐ-CP",
      "Nghị định số 151/2025/NĐ-CP",
      "Thông tư số 85/2019/TT-BTC",
    ],
  },
  {
    code: "1.009994", // check code
    name: "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
    field: "land_construction",
    processingDays: 7,
    processingNote:
      "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. Nhà ở riêng lẻ dưới 07 tầng, tổng diện tích sàn dưới 500 m², không thuộc khu vực xây dựng đã xác định trong quy hoạch chung xã hoặc khu vực có quy chế quản lý kiến trúc thì được miễn giấy phép xây dựng.",
    feeVnd: null,
    feeNote: "Lệ phí cấp giấy phép xây dựng theo Nghị quyết của HĐND tỉnh Sơn La.",
    onlineService: "partial",
    requiredDocuments: [
      "Đơn đề nghị cấp giấy phép xây dựng theo mẫu",
      "Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai",
      "Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng chính, mặt bằng móng, sơ đồ đấu nối hạ tầng kỹ thuật)",
      "Cam kết bảo đảm an toàn đối với công trình liền kề (trường hợp có công trình liền kề)",
    ],
    result: "Giấy phép xây dựng nhà ở riêng lẻ.",
    legalBasis: ["Luật Xây dựng số 135/2025/QH15", "Nghị định số 217/2026/NĐ-CP", "Thông tư số 85/2019/TT-BTC"],
  },

  // ---------------------------------------------------------------- Bảo trợ xã hội (social affairs)
  {
    code: "1.001776",
    name: "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
    field: "social_affairs",
    processingDays: 12,
    processingNote:
      "07 ngày làm việc để rà soát hồ sơ, trình xét duyệt; niêm yết công khai kết quả xét duyệt tại trụ sở UBND xã trong 02 ngày làm việc; Chủ tịch UBND xã quyết định trong 03 ngày làm việc sau khi hết thời gian niêm yết mà không có ý kiến thắc mắc, khiếu nại.",
    feeVnd: null,
    feeNote: NO_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đề nghị trợ giúp xã hội theo mẫu (theo từng đối tượng: trẻ em, người cao tuổi, người khuyết tật, người đơn thân nghèo đang nuôi con, người nhiễm HIV…)",
      "Giấy xác nhận khuyết tật (đối với người khuyết tật)",
      "Giấy tờ xác nhận của cơ quan y tế có thẩm quyền về việc nhiễm HIV hoặc đang mang thai (nếu thuộc trường hợp này)",
      "Giấy khai sinh của trẻ em (đối với trẻ em, người đơn thân nghèo đang nuôi con, người khuyết tật đang nuôi con), nếu thông tin chưa có trong cơ sở dữ liệu",
      IDENTITY,
    ],
    result:
      "Quyết định trợ cấp xã hội hằng tháng hoặc hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng (mức chuẩn trợ giúp xã hội 500.000 đồng/tháng nhân với hệ số theo đối tượng); trường hợp không đủ điều kiện thì có văn bản trả lời nêu rõ lý do.",
    legalBasis: [
      "Luật Người cao tuổi số 39/2009/QH12",
      "Luật Người khuyết tật số 51/2010/QH12",
      "Nghị định số 20/2021/NĐ-CP",
      "Nghị định số 76/2024/NĐ-CP",
      "Thông tư số 02/2021/TT-BLĐTBXH",
    ],
  },
  {
    code: "1.001731",
    name: "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
    field: "social_affairs",
    processingDays: 3,
    processingNote: "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    feeVnd: null,
    feeNote: NO_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu",
      "Bản sao Giấy báo tử hoặc Trích lục khai tử",
      "Bản sao quyết định hưởng trợ cấp xã hội của người đã chết hoặc giấy tờ chứng minh người đã chết thuộc đối tượng được hỗ trợ (trường hợp chưa hưởng trợ cấp)",
      IDENTITY,
    ],
    result:
      "Quyết định hỗ trợ chi phí mai táng; mức hỗ trợ tối thiểu bằng 20 lần mức chuẩn trợ giúp xã hội (10.000.000 đồng).",
    legalBasis: ["Nghị định số 20/2021/NĐ-CP", "Nghị định số 76/2024/NĐ-CP", "Thông tư số 02/2021/TT-BLĐTBXH"],
  },
  {
    code: "1.001699",
    name: "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
    field: "social_affairs",
    processingDays: 25,
    processingNote:
      "Trong 20 ngày làm việc kể từ ngày nhận đủ hồ sơ, Chủ tịch UBND xã triệu tập Hội đồng xác định mức độ khuyết tật tổ chức đánh giá; trong 05 ngày làm việc kể từ ngày có kết luận của Hội đồng, Chủ tịch UBND xã cấp Giấy xác nhận khuyết tật.",
    feeVnd: null,
    feeNote: NO_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Đơn đề nghị xác định, xác định lại mức độ khuyết tật theo mẫu",
      "Bản sao các giấy tờ liên quan đến khuyết tật (nếu có): bệnh án, giấy tờ khám, điều trị, phẫu thuật, Giấy xác nhận khuyết tật cũ, kết luận của Hội đồng giám định y khoa",
      IDENTITY,
    ],
    result: "Giấy xác nhận khuyết tật (ghi dạng tật và mức độ khuyết tật: đặc biệt nặng, nặng hoặc nhẹ).",
    legalBasis: [
      "Luật Người khuyết tật số 51/2010/QH12",
      "Nghị định số 28/2012/NĐ-CP",
      "Thông tư số 01/2019/TT-BLĐTBXH",
    ],
  },
  {
    code: "1.001653",
    name: "Đổi, cấp lại Giấy xác nhận khuyết tật",
    field: "social_affairs",
    processingDays: 5,
    processingNote: "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    feeVnd: null,
    feeNote: NO_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật theo mẫu",
      "Giấy xác nhận khuyết tật đã cấp (trường hợp đổi do hư hỏng hoặc thay đổi thông tin cá nhân)",
      IDENTITY,
    ],
    result: "Giấy xác nhận khuyết tật được đổi hoặc cấp lại.",
    legalBasis: [
      "Luật Người khuyết tật số 51/2010/QH12",
      "Nghị định số 28/2012/NĐ-CP",
      "Thông tư số 01/2019/TT-BLĐTBXH",
    ],
  },

  // ---------------------------------------------------------------- Khác (other)
  {
    code: "1.012592", // check code
    name: "Thủ tục đăng ký hoạt động tín ngưỡng",
    field: "other",
    processingDays: 10,
    processingNote:
      "UBND xã trả lời bằng văn bản trong 15 ngày kể từ ngày nhận văn bản đăng ký hợp lệ (ngày theo lịch); quá thời hạn mà UBND xã không có ý kiến thì cơ sở tín ngưỡng được hoạt động theo nội dung đã đăng ký. Văn bản đăng ký gửi trước ngày 15 tháng 10 hằng năm.",
    feeVnd: null,
    feeNote: NO_FEE,
    onlineService: "partial",
    requiredDocuments: [
      "Văn bản đăng ký hoạt động tín ngưỡng theo mẫu (tên cơ sở tín ngưỡng, người đại diện, danh mục hoạt động tín ngưỡng, nội dung, quy mô, thời gian, địa điểm tổ chức)",
    ],
    result:
      "Văn bản trả lời của UBND xã về việc đăng ký hoạt động tín ngưỡng; trường hợp từ chối phải nêu rõ lý do.",
    legalBasis: ["Luật Tín ngưỡng, tôn giáo số 02/2016/QH14", "Nghị định số 95/2023/NĐ-CP"],
  },
];
