import type { Kysely } from "kysely";
import type { Database } from "../schema";
import type { ChecklistTemplateDefinition } from "../../app/domain/audits/checklist";
import { SYSTEM_ACTOR } from "../../app/models/audit-log.server";
import { seedChecklistTemplates } from "../../app/models/checklists.server";

/**
 * The commune's starting audit checklists (QT-02 §5.2 step 4 and §5.3), one per ISO clause and
 * process. The quality lead edits them in the app; an audit copies the questions it uses.
 */
export const CHECKLIST_TEMPLATES: readonly ChecklistTemplateDefinition[] = [
  {
    code: "CL-01",
    title: "Tiếp nhận và trả kết quả giải quyết TTHC tại Trung tâm",
    isoClause: "8.5.1",
    process: "QT-07",
    items: [
      {
        isoClause: "8.5.1",
        question:
          "Danh mục TTHC, thành phần hồ sơ, thời hạn, phí, lệ phí niêm yết tại Trung tâm và trên trang thông tin điện tử có đúng với quyết định công bố TTHC hiện hành của Chủ tịch UBND tỉnh không?",
        guidance:
          "Chọn ít nhất 05 thủ tục; đối chiếu bảng niêm yết và danh mục thủ tục trên phần mềm với quyết định công bố mới nhất ghi trong TL-BN-01.",
      },
      {
        isoClause: "8.2.1",
        question:
          "Công chức một cửa có hướng dẫn người dân một lần, đầy đủ và không yêu cầu giấy tờ ngoài thành phần hồ sơ đã công bố không?",
        guidance:
          "Quan sát ít nhất 03 lượt tiếp dân tại quầy; xem Phiếu yêu cầu bổ sung (BM-02) của hồ sơ mẫu: nội dung còn thiếu được liệt kê đủ một lần; tìm hồ sơ bị yêu cầu bổ sung từ lần thứ hai.",
      },
      {
        isoClause: "7.5.3",
        question:
          "Giấy tiếp nhận (BM-01), Phiếu yêu cầu bổ sung (BM-02), Phiếu xin lỗi và hẹn lại (BM-04), Phiếu kiểm soát (BM-05) có được lập đúng mẫu của bộ quy định có hiệu lực tại ngày tiếp nhận từng hồ sơ không?",
        guidance:
          "Hồ sơ tiếp nhận đến 30/6/2025 theo Thông tư 01/2018/TT-VPCP, từ 01/7/2025 theo Thông tư 03/2025/TT-VPCP (QT-07 mục 5.1); bản in tại quầy có dấu TÀI LIỆU KIỂM SOÁT.",
      },
      {
        isoClause: "8.5.1",
        question:
          "Ngày hẹn trả trên Giấy tiếp nhận có được tính đúng theo ngày làm việc (bắt đầu từ ngày làm việc tiếp theo, quy tắc 15 giờ với thủ tục trong ngày) không?",
        guidance:
          "Tính lại ngày hẹn của ít nhất 05 hồ sơ mẫu theo QT-07 mục 5.2, trong đó có hồ sơ nhận sau 15 giờ, hồ sơ nhận trực tuyến ngoài giờ và hồ sơ nhận trước kỳ nghỉ Tết.",
      },
      {
        isoClause: "8.5.1",
        question:
          "Lịch ngày nghỉ lễ, Tết và ngày làm việc bù trên phần mềm có khớp với thông báo của Chính phủ năm hiện hành không?",
        guidance: "Đối chiếu trang Lịch làm việc với thông báo nghỉ Tết Nguyên đán, 30/4 – 1/5, Quốc khánh; xem nhật ký thay đổi lịch và việc tính lại hạn hồ sơ đang giải quyết.",
      },
      {
        isoClause: "9.1.1",
        question:
          "Tỷ lệ hồ sơ giải quyết đúng hạn, tỷ lệ hồ sơ tiếp nhận trực tuyến và tỷ lệ hồ sơ liên thông điện tử của kỳ đánh giá có đạt mục tiêu chất lượng năm không?",
        guidance: "Xem bảng điều khiển và báo cáo tỷ lệ đúng hạn của kỳ; so với MT của năm; hỏi nguyên nhân và biện pháp khi chỉ tiêu không đạt.",
      },
      {
        isoClause: "8.7.1",
        question:
          "Hồ sơ đang quá hạn hoặc có nguy cơ quá hạn có được lập Phiếu xin lỗi và hẹn lại (BM-04) trước ngày hẹn, chỉ hẹn lại một lần và được ghi nhận sự không phù hợp không?",
        guidance: "Lọc sổ theo dõi: hồ sơ quá hạn, hồ sơ có BM-04; so ngày lập BM-04 với ngày hẹn ban đầu; tìm phiếu SKPH tương ứng (QT-03).",
      },
      {
        isoClause: "8.5.3",
        question:
          "Dữ liệu cá nhân của người dân có được bảo vệ: giấy tờ không để trên quầy, mỗi công chức một tài khoản, không gửi giấy tờ qua mạng xã hội, trang tra cứu công khai không hiện dữ liệu cá nhân?",
        guidance: "Quan sát quầy và tủ hồ sơ; hỏi công chức về việc dùng chung tài khoản; tra cứu thử một mã hồ sơ trên trang công khai (Nghị định 13/2023/NĐ-CP).",
      },
      {
        isoClause: "7.5.3",
        question:
          "Kết quả đã trả có được số hóa, hồ sơ giấy được chuyển bộ phận chuyên môn lưu trữ và tìm lại được khi cần không?",
        guidance: "Chọn 03 hồ sơ đã trả kết quả: tìm bản số hóa trên hệ thống và bản giấy tại bộ phận chuyên môn (QT-01 mục 5.8).",
      },
      {
        isoClause: "8.5.1",
        question:
          "Khi trả kết quả, công chức có kiểm tra giấy tờ của người nhận hoặc văn bản ủy quyền, cập nhật trạng thái \"đã trả kết quả\" và mời đánh giá mức độ hài lòng không?",
      },
    ],
  },
  {
    code: "CL-02",
    title: "Kiểm soát thông tin dạng văn bản",
    isoClause: "7.5",
    process: "QT-01",
    items: [
      {
        isoClause: "7.5.2",
        question:
          "Mỗi tài liệu hiện hành có đủ thông tin kiểm soát (mã, lần ban hành, ngày hiệu lực, vai trò phê duyệt, chu kỳ xem xét) và đã được phê duyệt trước khi ban hành không?",
        guidance: "Chọn 03 quy trình trong danh mục tài liệu; xem lịch sử lần ban hành, người và ngày phê duyệt.",
      },
      {
        isoClause: "7.5.3",
        question:
          "Tại quầy, công chức có dùng đúng lần ban hành hiện hành của quy trình, biểu mẫu; bản in có dấu \"TÀI LIỆU KIỂM SOÁT\" không?",
        guidance: "Đối chiếu bản in đặt tại quầy với lần ban hành hiện hành trên phần mềm.",
      },
      {
        isoClause: "7.5.3",
        question:
          "Bản in hết hiệu lực có được thu hồi trong 02 ngày làm việc kể từ ngày bản mới có hiệu lực, bản lưu có ghi \"HẾT HIỆU LỰC\" không?",
      },
      {
        isoClause: "7.5.3",
        question:
          "Công chức liên quan đã xác nhận đọc lần ban hành mới của các tài liệu thuộc công việc của mình chưa?",
        guidance: "Xem danh sách xác nhận đọc trên trang từng tài liệu; hỏi một công chức về nội dung vừa sửa đổi.",
      },
      {
        isoClause: "7.5.2",
        question: "Tài liệu có được xem xét lại đúng chu kỳ; có tài liệu nào quá hạn xem xét không?",
        guidance: "Lọc danh mục tài liệu theo \"quá hạn xem xét\".",
      },
      {
        isoClause: "7.5.3",
        question:
          "Danh mục văn bản pháp lý và tài liệu bên ngoài (TL-BN-01) có được cập nhật văn bản mới trong 05 ngày làm việc, ghi đúng số hiệu, ngày hiệu lực và tình trạng không?",
        guidance: "Đối chiếu với văn bản mới trên Cơ sở dữ liệu quốc gia về văn bản pháp luật trong kỳ đánh giá.",
      },
      {
        isoClause: "7.5.2",
        question:
          "Khi văn bản pháp luật thay đổi thời hạn, biểu mẫu hoặc thành phần hồ sơ, quy trình và danh mục thủ tục liên quan có được sửa trong 10 ngày làm việc không?",
        guidance: "Ví dụ: việc chuyển sang Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP từ 01/7/2025.",
      },
      {
        isoClause: "7.5.3",
        question:
          "Hồ sơ của hệ thống (đánh giá nội bộ, SKPH, xem xét của lãnh đạo, rủi ro) có được lưu đúng nơi, đủ thời hạn, truy xuất được và không chứa dữ liệu cá nhân ngoài mức cần thiết không?",
      },
    ],
  },
  {
    code: "CL-03",
    title: "Tiếp nhận, xử lý phản ánh, kiến nghị và giải quyết khiếu nại",
    isoClause: "9.1.2",
    process: "QT-04",
    items: [
      {
        isoClause: "8.2.1",
        question:
          "Mọi phản ánh, kiến nghị, khiếu nại nhận qua các kênh (quầy, hòm thư, đường dây nóng, Cổng Dịch vụ công, biểu mẫu trên trang công khai) có được ghi vào sổ theo dõi trong ngày làm việc nhận được không?",
        guidance: "Đối chiếu biên bản mở hòm thư chiều thứ Sáu và nhật ký đường dây nóng với sổ theo dõi trên phần mềm.",
      },
      {
        isoClause: "9.1.2",
        question: "Phản ánh, kiến nghị có được phân loại đúng và trả lời bằng văn bản trong thời hạn 15 ngày làm việc không?",
        guidance: "Chọn 05 phản ánh trong kỳ; so ngày nhận, ngày phân loại, ngày ký văn bản trả lời.",
      },
      {
        isoClause: "9.1.2",
        question:
          "Khiếu nại có được thụ lý trong 10 ngày và giải quyết trong thời hạn áp dụng cho xã vùng sâu, vùng xa (45 ngày, vụ việc phức tạp 60 ngày) không?",
        guidance: "Xem thông báo thụ lý, quyết định giao xác minh, quyết định giải quyết; người xác minh không phải người có quyết định, hành vi bị khiếu nại.",
      },
      {
        isoClause: "9.1.2",
        question:
          "Đơn tố cáo gửi đến Trung tâm có được chuyển ngay cho Chủ tịch UBND xã, không ghi nội dung vào sổ phản ánh và giữ bí mật người tố cáo không?",
      },
      {
        isoClause: "9.1.2",
        question: "Kết quả trả lời phản ánh, kiến nghị có được công khai trong 02 ngày làm việc mà không lộ dữ liệu cá nhân không?",
      },
      {
        isoClause: "9.1.2",
        question:
          "Sự hài lòng của người dân có được đo (đánh giá khi nhận kết quả, khảo sát ít nhất 30 người mỗi quý) và tổng hợp hằng quý không?",
        guidance: "Xem tỷ lệ hài lòng trên bảng điều khiển và phiếu khảo sát quý gần nhất; có ưu tiên người ở bản xa và hỗ trợ người không đọc được tiếng Việt không.",
      },
      {
        isoClause: "10.2.1",
        question: "Phản ánh hoặc khiếu nại được kết luận là đúng có được mở phiếu SKPH theo QT-03 không?",
      },
      {
        isoClause: "9.1.3",
        question:
          "Kết quả đo sự hài lòng và tình hình phản ánh, khiếu nại có được phân tích và đưa vào đầu vào của cuộc họp xem xét của lãnh đạo không?",
      },
    ],
  },
  {
    code: "CL-04",
    title: "Kiểm soát sự không phù hợp và hành động khắc phục",
    isoClause: "10.2",
    process: "QT-03",
    items: [
      {
        isoClause: "10.2.1",
        question:
          "Sự không phù hợp có được ghi nhận trên phần mềm trong 01 ngày làm việc kể từ khi phát hiện, mô tả không chứa dữ liệu cá nhân không?",
        guidance: "So ngày phát hiện với ngày ghi nhận của các phiếu SKPH trong kỳ; xem phần mô tả.",
      },
      {
        isoClause: "8.7.1",
        question:
          "Kết quả có sai sót do lỗi của công chức có được thu hồi, cải chính ngay, không thu phí, lệ phí và xin lỗi người dân không?",
      },
      {
        isoClause: "10.2.1",
        question:
          "Nguyên nhân gốc có được phân tích (hỏi \"tại sao\" nhiều lần hoặc sơ đồ xương cá) trước khi đề ra hành động khắc phục không?",
        guidance: "Chọn 03 phiếu đã qua bước phân tích nguyên nhân; nguyên nhân nêu ra có giải thích được SKPH không.",
      },
      {
        isoClause: "10.2.1",
        question:
          "Kế hoạch khắc phục có người thực hiện, thời hạn và được lãnh đạo phê duyệt; phiếu quá hạn khắc phục trên 15 ngày có được báo cáo Chủ tịch UBND xã không?",
      },
      {
        isoClause: "10.2.1",
        question:
          "Hiệu lực của hành động khắc phục có được kiểm tra sau ít nhất 01 tháng; SKPH lặp lại có được mở lại thay vì đóng phiếu không?",
      },
      {
        isoClause: "10.2.1",
        question:
          "Hồ sơ trễ hạn và hồ sơ bị yêu cầu bổ sung lần thứ hai có được ghi nhận SKPH và xử lý theo QT-03 không?",
        guidance: "Đối chiếu danh sách hồ sơ quá hạn trong kỳ với các phiếu SKPH \"hồ sơ trễ hạn\".",
      },
      {
        isoClause: "10.2.1",
        question: "Sau khi đóng phiếu, danh mục rủi ro, cơ hội (QT-06) và tài liệu liên quan có được cập nhật khi cần không?",
      },
      {
        isoClause: "10.2.2",
        question:
          "Hồ sơ SKPH (mô tả, xử lý tức thời, nguyên nhân, hành động, kết quả kiểm tra hiệu lực) có được lưu đầy đủ và tổng hợp báo cáo hằng quý không?",
      },
    ],
  },
  {
    code: "CL-05",
    title: "Vai trò lãnh đạo, mục tiêu chất lượng, rủi ro và cơ hội",
    isoClause: "5.1, 6.1, 6.2",
    process: "QT-06",
    items: [
      {
        isoClause: "5.1.1",
        question:
          "Lãnh đạo UBND xã có chịu trách nhiệm về hiệu lực của hệ thống: phân công người phụ trách, bố trí nguồn lực, chủ trì họp xem xét của lãnh đạo đúng kỳ không?",
        guidance: "Phỏng vấn Chủ tịch hoặc Phó Chủ tịch phụ trách; xem quyết định phân công và biên bản xem xét của lãnh đạo gần nhất.",
      },
      {
        isoClause: "5.1.2",
        question:
          "Lãnh đạo có theo dõi tỷ lệ hài lòng, hồ sơ quá hạn, phản ánh của người dân và chỉ đạo xử lý kịp thời không?",
      },
      {
        isoClause: "5.2.2",
        question: "Chính sách chất lượng (CS-01) có được niêm yết, phổ biến và công chức hiểu được ý nghĩa với công việc của mình không?",
        guidance: "Hỏi 02 công chức: chính sách chất lượng nói gì, liên quan gì đến việc họ làm.",
      },
      {
        isoClause: "6.2.1",
        question:
          "Mục tiêu chất lượng năm có đo được, nhất quán với chính sách chất lượng và được phổ biến đến từng lĩnh vực không?",
      },
      {
        isoClause: "6.2.2",
        question:
          "Kế hoạch thực hiện mục tiêu có nêu việc cần làm, nguồn lực, người chịu trách nhiệm, thời hạn và cách đánh giá kết quả không?",
      },
      {
        isoClause: "6.2.1",
        question:
          "Kết quả thực hiện mục tiêu có được theo dõi hằng tháng; chỉ tiêu không đạt 02 kỳ liên tiếp có được báo cáo Chủ tịch UBND xã không?",
        guidance: "Xem trang Mục tiêu chất lượng và báo cáo số liệu tháng.",
      },
      {
        isoClause: "6.1.1",
        question:
          "Bối cảnh và yêu cầu của các bên liên quan có được xác định đầu năm và cập nhật khi có thay đổi lớn (ví dụ tổ chức chính quyền địa phương hai cấp từ 01/7/2025) không?",
      },
      {
        isoClause: "6.1.2",
        question:
          "Danh mục rủi ro, cơ hội có đánh giá khả năng xảy ra và mức ảnh hưởng; rủi ro mức cao có biện pháp xử lý và người phụ trách không?",
        guidance: "Xem danh mục rủi ro năm (QT-06 mục 5.2): mất điện, mất đường truyền; thay đổi pháp luật; thiếu người thay thế; lộ lọt dữ liệu cá nhân.",
      },
      {
        isoClause: "6.1.2",
        question:
          "Hiệu lực của các biện pháp xử lý rủi ro có được đánh giá lại ít nhất 06 tháng một lần và báo cáo tại cuộc họp xem xét của lãnh đạo không?",
      },
    ],
  },
  {
    code: "CL-06",
    title: "Giải quyết TTHC lĩnh vực đất đai – xây dựng",
    isoClause: "8.5.1",
    process: "QT-12",
    items: [
      {
        isoClause: "8.5.1",
        question:
          "Ngày hẹn hòa giải tranh chấp đất đai (20 ngày làm việc) có bảo đảm không vượt quá 30 ngày theo lịch kể từ ngày nhận đơn, kể cả khi có kỳ nghỉ lễ, Tết dài không?",
        guidance: "Tính số ngày theo lịch giữa ngày nhận đơn và ngày hẹn của các hồ sơ hòa giải trong mẫu.",
      },
      {
        isoClause: "8.5.1",
        question:
          "Hội đồng hòa giải có được thành lập đúng thành phần (lãnh đạo UBND xã, Mặt trận Tổ quốc xã, công chức Địa chính – Xây dựng, Tư pháp – Hộ tịch, trưởng bản nơi có đất) không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Biên bản hòa giải thành hoặc không thành có đủ chữ ký các bên, thành viên Hội đồng, xác nhận của UBND xã và được gửi cho các bên không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Hồ sơ đăng ký đất đai lần đầu có biên bản kiểm tra thực địa về hiện trạng, nguồn gốc, thời điểm sử dụng đất, tình trạng tranh chấp và sự phù hợp quy hoạch không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Kết quả kiểm tra có được niêm yết công khai tại trụ sở UBND xã và khu dân cư nơi có đất, có biên bản kết thúc niêm yết không?",
      },
      {
        isoClause: "8.4.1",
        question:
          "Các bước liên thông (chi nhánh văn phòng đăng ký đất đai, cơ quan thuế) có được ghi trên phiếu kiểm soát (phương thức điện tử hay giấy, kết quả từng bước) và được đôn đốc khi còn 02 ngày làm việc không?",
        guidance: "Xem BM-05 của các hồ sơ liên thông trong mẫu.",
      },
      {
        isoClause: "8.5.1",
        question:
          "Thời gian người sử dụng đất thực hiện nghĩa vụ tài chính có được trừ đúng khỏi thời hạn giải quyết; Giấy chứng nhận chỉ được trả khi có chứng từ hoàn thành nghĩa vụ tài chính không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Công chức Địa chính – Xây dựng có tránh tham gia xác minh, hòa giải vụ việc liên quan đến quyền lợi của bản thân hoặc người thân không?",
      },
    ],
  },
  {
    code: "CL-07",
    title: "Giải quyết trợ cấp xã hội hằng tháng",
    isoClause: "8.5.1",
    process: "QT-11",
    items: [
      {
        isoClause: "8.5.1",
        question:
          "Tờ khai có đúng mẫu theo từng nhóm đối tượng và công chức không yêu cầu bản sao giấy tờ đã có trong cơ sở dữ liệu không?",
        guidance: "Xem hồ sơ mẫu của người cao tuổi, người khuyết tật, trẻ em; kiểm tra việc khai thác CSDL quốc gia về dân cư, CSDL người khuyết tật, hộ nghèo.",
      },
      {
        isoClause: "8.5.1",
        question:
          "Thời hạn 12 ngày làm việc có được tuân thủ theo từng giai đoạn: 07 ngày rà soát, 02 ngày niêm yết, 03 ngày để Chủ tịch UBND xã quyết định không?",
        guidance: "So ngày trên phiếu kiểm soát (BM-05) với phân bổ thời gian của QT-11 mục 5.1.",
      },
      {
        isoClause: "8.5.1",
        question:
          "Việc xác minh tại bản có biên bản, có phối hợp với trưởng bản, và hệ số, mức trợ cấp được xác định đúng không?",
      },
      {
        isoClause: "8.5.3",
        question:
          "Danh sách xét duyệt có được niêm yết công khai tại trụ sở UBND xã và nhà văn hóa bản, không kèm thông tin nhạy cảm (số định danh, tình trạng bệnh) không?",
      },
      {
        isoClause: "8.5.1",
        question: "Trường hợp không đủ điều kiện có văn bản trả lời nêu rõ lý do, do lãnh đạo ký không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Danh sách chi trả có được rà soát hằng tháng với CSDL hộ tịch, dân cư để điều chỉnh, thôi hưởng kịp thời (người đã chết, chuyển nơi cư trú) không?",
        guidance: "Đối chiếu các trường hợp khai tử trong kỳ (QT-10) với danh sách chi trả tháng sau.",
      },
      {
        isoClause: "8.5.1",
        question:
          "Đối tượng chuyển nơi cư trú ra ngoài xã có được gửi văn bản và hồ sơ cho xã, phường nơi cư trú mới để chi trả không bị gián đoạn không?",
      },
      {
        isoClause: "8.2.1",
        question:
          "Người cao tuổi, người khuyết tật có được hướng dẫn bằng lời, nhận hồ sơ tại nhà qua bưu chính công ích hoặc qua trưởng bản khi không thể đến Trung tâm không?",
      },
    ],
  },
  {
    code: "CL-08",
    title: "Hộ tịch: đăng ký khai sinh (QT-08)",
    isoClause: "8.5.1",
    process: "QT-08",
    items: [
      {
        isoClause: "8.5.1",
        question:
          "Giấy khai sinh có được trả ngay trong ngày tiếp nhận (hồ sơ nhận sau 15 giờ: trong ngày làm việc tiếp theo) không?",
        guidance: "So thời điểm tiếp nhận và thời điểm trả kết quả của hồ sơ khai sinh trong mẫu.",
      },
      {
        isoClause: "8.5.1",
        question:
          "Việc đăng ký quá hạn có được xác định đúng để thu lệ phí theo Nghị quyết của HĐND tỉnh, và các trường hợp được miễn có không bị thu không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Nội dung Giấy khai sinh có khớp với Tờ khai, Giấy chứng sinh và Sổ đăng ký khai sinh; người đi đăng ký đã ký vào Sổ chưa?",
      },
      {
        isoClause: "8.5.2",
        question:
          "Thông tin đăng ký có được cập nhật vào CSDL hộ tịch điện tử và trẻ được cấp số định danh cá nhân không?",
      },
      {
        isoClause: "8.7.1",
        question:
          "Sai sót do lỗi của công chức phát hiện sau khi trả kết quả có được cải chính ngay, không thu lệ phí và ghi nhận SKPH không?",
      },
      {
        isoClause: "8.5.3",
        question:
          "Sổ hộ tịch và hồ sơ giấy có được cất trong tủ có khóa; dữ liệu cá nhân không bị sao chép ra ngoài phần mềm không?",
      },
    ],
  },
  {
    code: "CL-09",
    title: "Hộ tịch: đăng ký kết hôn và khai tử (QT-10)",
    isoClause: "8.5.1",
    process: "QT-10",
    items: [
      {
        isoClause: "8.5.1",
        question:
          "Đăng ký kết hôn: điều kiện kết hôn và tình trạng hôn nhân có được kiểm tra trên CSDL; trường hợp phải xác minh có biên bản và ngày hẹn không quá 05 ngày làm việc không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Giấy chứng nhận kết hôn có được trao khi hai bên cùng có mặt, cùng ký vào Giấy chứng nhận và Sổ đăng ký kết hôn không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Trường hợp có dấu hiệu tảo hôn, kết hôn cận huyết thống có được từ chối đăng ký và báo cáo Chủ tịch UBND xã không?",
      },
      {
        isoClause: "8.5.1",
        question:
          "Đăng ký khai tử: thông tin có được chuyển liên thông cho công an xã và cho công chức Văn hóa – Xã hội khi người chết đang hưởng trợ cấp (QT-11) không?",
      },
      {
        isoClause: "8.7.1",
        question:
          "Sai sót do lỗi của công chức phát hiện sau khi trả kết quả có được cải chính ngay, không thu lệ phí và ghi nhận SKPH không?",
      },
      {
        isoClause: "8.5.3",
        question:
          "Sổ hộ tịch và hồ sơ giấy có được cất trong tủ có khóa; dữ liệu cá nhân không bị sao chép ra ngoài phần mềm không?",
      },
    ],
  },
];

/** Loads the demo checklists for the demo commune (called from `seedDemo`). */
export async function seedDemoChecklistTemplates(db: Kysely<Database>, unitId: number, now: Date): Promise<void> {
  await seedChecklistTemplates(db, SYSTEM_ACTOR, unitId, CHECKLIST_TEMPLATES, now);
}
