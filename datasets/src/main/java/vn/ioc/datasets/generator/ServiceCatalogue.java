package vn.ioc.datasets.generator;

import java.util.List;

/**
 * Online public services applications are made for: the 25 essential services Đề án 06 put online
 * (codes {@code DA06-nn}) and other common provincial services. Each has a legal time limit in days and is
 * offered full-online ("toàn trình") or partly online.
 */
final class ServiceCatalogue {
    record Service(String code, String name, boolean essential, boolean fullOnline, int daysAllowed, double weight) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("DA06-01", "Cấp thẻ căn cước", true, true, 7, 9),
            new Service("DA06-02", "Xác nhận số chứng minh nhân dân khi đã được cấp thẻ căn cước", true, true, 3, 2),
            new Service("DA06-03", "Đăng ký thường trú", true, true, 7, 6),
            new Service("DA06-04", "Đăng ký tạm trú", true, true, 3, 7),
            new Service("DA06-05", "Thông báo lưu trú", true, true, 1, 12),
            new Service("DA06-06", "Khai báo tạm vắng", true, true, 1, 2),
            new Service("DA06-07", "Cấp hộ chiếu phổ thông", true, true, 8, 4),
            new Service("DA06-08", "Đăng ký, cấp biển số xe", true, false, 2, 5),
            new Service("DA06-09", "Cấp đổi giấy phép lái xe", true, true, 5, 4),
            new Service("DA06-10", "Đăng ký khai sinh", true, true, 1, 4),
            new Service("DA06-11", "Đăng ký khai tử", true, true, 1, 1),
            new Service("DA06-12", "Đăng ký kết hôn", true, false, 5, 2),
            new Service("DA06-13", "Cấp phiếu lý lịch tư pháp", true, true, 10, 2),
            new Service("DA06-14", "Cấp giấy xác nhận tình trạng hôn nhân", true, true, 3, 2),
            new Service("DA06-15", "Cấp lại thẻ bảo hiểm y tế", true, true, 5, 3),
            new Service("DA06-16", "Giải quyết hưởng chế độ thai sản", true, true, 6, 1),
            new Service("DA06-17", "Giải quyết hưởng trợ cấp thất nghiệp", true, false, 15, 1),
            new Service("DA06-18", "Đăng ký doanh nghiệp", true, true, 3, 2),
            new Service("DA06-19", "Đăng ký thuế", true, true, 3, 2),
            new Service("DA06-20", "Nộp thuế, lệ phí trước bạ", true, true, 1, 3),
            new Service("DA06-21", "Cấp giấy phép xây dựng nhà ở riêng lẻ", true, false, 15, 2),
            new Service("DA06-22", "Cấp đổi giấy chứng nhận quyền sử dụng đất", true, false, 10, 3),
            new Service("DA06-23", "Đăng ký biến động đất đai", true, false, 10, 2),
            new Service("DA06-24", "Thẩm duyệt thiết kế phòng cháy, chữa cháy", true, true, 10, 1),
            new Service("DA06-25", "Đăng ký mẫu con dấu", true, true, 2, 1),
            new Service("TT-01", "Chứng thực bản sao từ bản chính", false, false, 1, 8),
            new Service("TT-02", "Chứng thực chữ ký", false, false, 1, 3),
            new Service("TT-03", "Cấp giấy chứng nhận đăng ký hộ kinh doanh", false, true, 3, 2),
            new Service("TT-04", "Xác nhận hộ nghèo, hộ cận nghèo", false, false, 7, 1),
            new Service("TT-05", "Trợ cấp xã hội hằng tháng cho người cao tuổi", false, false, 10, 1),
            new Service("TT-06", "Cấp giấy phép kinh doanh bán lẻ rượu", false, true, 10, 1),
            new Service("TT-07", "Đăng ký giám hộ", false, false, 3, 1),
            new Service("TT-08", "Cấp bản sao trích lục hộ tịch", false, true, 1, 3),
            new Service("TT-09", "Đăng ký nhận cha, mẹ, con", false, false, 3, 1),
            new Service("TT-10", "Hỗ trợ chi phí mai táng", false, false, 10, 1));

    static final double TOTAL_WEIGHT = SERVICES.stream().mapToDouble(Service::weight).sum();

    private ServiceCatalogue() {
    }
}
